/**
 * Whether the Runtime is ready to serve: every tenant's store is open and the gRPC servers listen.
 * Set once by the host at the end of start-up and cleared when shutdown begins.
 */
export class Readiness {
    #ready = false;
    #reason = 'starting';

    /** Tells whether the Runtime is ready. */
    get ready(): boolean {
        return this.#ready;
    }

    /** Why the Runtime is not ready (or 'ready'). */
    get reason(): string {
        return this.#ready ? 'ready' : this.#reason;
    }

    /** Marks the Runtime ready. */
    markReady(): void {
        this.#ready = true;
    }

    /** Marks the Runtime not ready, saying why. */
    markNotReady(reason: string): void {
        this.#ready = false;
        this.#reason = reason;
    }
}
