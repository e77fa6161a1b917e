/**
 * Watches that the other side of a reverse call says something at least every `deadline` milliseconds, and calls
 * `expired` with the silence once it has not. Both sides of the engine use it: the Runtime serving heads (any message
 * from the head counts) and the Runtime as a client of another Runtime (any ping or request counts).
 */
export class Keepalive {
    readonly #deadline: number;
    readonly #expired: (silence: number) => void;
    #lastReceived = performance.now();
    #timer: NodeJS.Timeout | undefined;
    #stopped = false;

    /** Creates the watch; it starts with `start()`. */
    constructor(deadline: number, expired: (silence: number) => void) {
        this.#deadline = deadline;
        this.#expired = expired;
    }

    /** Starts watching, counting from the last message received. */
    start(): void {
        this.#watch(this.#deadline);
    }

    /** Records that a message arrived now. */
    received(): void {
        this.#lastReceived = performance.now();
    }

    /** Stops watching for good. */
    stop(): void {
        this.#stopped = true;
        clearTimeout(this.#timer);
    }

    #watch(wait: number): void {
        this.#timer = setTimeout(() => {
            // Decided after the I/O phase: when this process was busy, messages that arrived meanwhile count first.
            setImmediate(() => {
                if (this.#stopped) {
                    return;
                }
                const silence = performance.now() - this.#lastReceived;
                if (silence < this.#deadline) {
                    this.#watch(this.#deadline - silence);
                    return;
                }
                this.#expired(silence);
            });
        }, wait).unref();
    }
}
