/** Hands out the numbers events carry: unique within a run, consecutive, so a scenario's events are a range. */
export class EventNumbers {
    #next = 1;

    /** The next `count` numbers. */
    take(count: number): ReadonlyArray<number> {
        const numbers = Array.from({ length: count }, (_, index) => this.#next + index);
        this.#next += count;
        return numbers;
    }

    /** The number the next event will get: a range's start or (exclusive) end. */
    get mark(): number {
        return this.#next;
    }
}

/** The numbers within [from, to): the events a scenario handed out. */
export function withinRange(numbers: ReadonlyArray<number>, from: number, to: number): ReadonlyArray<number> {
    return numbers.filter((number) => number >= from && number < to);
}
