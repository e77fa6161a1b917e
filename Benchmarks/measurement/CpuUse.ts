import { preciseNow } from './preciseNow.js';

/** A named source of CPU time used so far, in milliseconds (undefined when it cannot be read). */
export type CpuSource = readonly [name: string, usedMilliseconds: () => number | undefined];

/** How much of one core some processes (or the whole machine) used between start() and the read. */
export class CpuUse {
    readonly #sources: ReadonlyArray<CpuSource>;
    #startedAt = 0;
    #started: ReadonlyArray<number | undefined> = [];

    /** Watches the sources from now on. */
    constructor(sources: ReadonlyArray<CpuSource>) {
        this.#sources = sources;
        this.start();
    }

    /** Starts (or restarts) the interval. */
    start(): void {
        this.#startedAt = preciseNow();
        this.#started = this.#sources.map(([, used]) => used());
    }

    /** The share of a core each source used since start(), e.g. "runtime 93%, machine 180%". */
    describe(): string {
        const elapsed = preciseNow() - this.#startedAt;
        return this.#sources
            .map(([name, used], index) => {
                const before = this.#started[index];
                const now = used();
                return before === undefined || now === undefined || elapsed <= 0 ? `${name} ?` : `${name} ${Math.round(((now - before) / elapsed) * 100)}%`;
            })
            .join(', ');
    }
}
