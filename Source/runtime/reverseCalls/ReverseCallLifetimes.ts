import type { Logger } from '../logging/index.js';
import { reverseCallLogMessages } from './logMessages.js';

/**
 * The lifetimes of a server's reverse calls: every connection listens to `signal`, and `end()` (shutdown) aborts it,
 * which ends each call with status UNAVAILABLE so that heads reconnect, then waits until every call has been served.
 */
export class ReverseCallLifetimes {
    readonly #shutdown = new AbortController();
    readonly #serving = new Set<Promise<void>>();
    readonly #logger: Logger | undefined;

    /** Creates the lifetimes; a serving that fails unexpectedly is logged with the given logger. */
    constructor(logger?: Logger) {
        this.#logger = logger;
    }

    /** Aborted when the server shuts down: pass it to `connectReverseCall`. */
    get signal(): AbortSignal {
        return this.#shutdown.signal;
    }

    /** How many calls are being served. */
    get size(): number {
        return this.#serving.size;
    }

    /** Keeps track of the serving of one call until it settles; a failure is logged, never left unhandled. */
    track(serving: Promise<void>): void {
        const tracked = serving.then(
            () => undefined,
            (error: unknown) => {
                this.#logger?.log(reverseCallLogMessages.servingFailed, { error: error instanceof Error ? error.stack ?? error.message : String(error) });
            },
        );
        this.#serving.add(tracked);
        void tracked.finally(() => this.#serving.delete(tracked));
    }

    /** Ends every reverse call (heads reconnect) and resolves once all of them have been served to the end. */
    async end(): Promise<void> {
        this.#shutdown.abort();
        await Promise.all([...this.#serving]);
    }
}
