/** Runs a processor's loop in the background until it is stopped, or until the signal it was tied to aborts. */
export class ProcessingLoop {
    readonly #abort = new AbortController();
    readonly #loop: (signal: AbortSignal) => Promise<void>;
    #running: Promise<void> | undefined;

    /** Creates the loop; it runs from start() until stop() or until `stopWhen` aborts. */
    constructor(loop: (signal: AbortSignal) => Promise<void>, stopWhen?: AbortSignal) {
        this.#loop = loop;
        if (stopWhen?.aborted === true) {
            this.#abort.abort();
        }
        stopWhen?.addEventListener('abort', () => this.#abort.abort(), { once: true });
    }

    /** Starts the loop in the background (once). */
    start(): void {
        this.#running ??= this.#loop(this.#abort.signal);
    }

    /** Aborts the loop's signal and waits until the loop has returned. */
    async stop(): Promise<void> {
        this.#abort.abort();
        await this.#running;
    }
}
