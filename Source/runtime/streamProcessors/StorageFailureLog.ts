import { EventStoreIsUnavailable } from '../eventStore/index.js';
import type { LogMessage, Logger } from '../logging/index.js';
import type { StorageMetrics } from '../metrics/index.js';

/** The messages a loop over storage logs its failures with. */
export type StorageFailureMessages = {
    /** The store became unavailable (an outage); written once until it is available again, with `reason`. */
    readonly unavailable: LogMessage;
    /** The store is available again after an outage. */
    readonly available: LogMessage;
    /** Any other failure; written every time, with `error`. */
    readonly failed: LogMessage;
};

/**
 * What a loop that reads and writes storage, and tries again after a failure (a stream processor, an event type
 * filter), logs about its failures: an outage fails every attempt until it ends, so it is said once when it begins
 * and once when it ends, not every second; any other failure is logged each time.
 */
export class StorageFailureLog {
    readonly #logger: Logger;
    readonly #messages: StorageFailureMessages;
    readonly #metrics: StorageMetrics | undefined;
    #inOutage = false;

    /** Creates the log over the loop's logger and messages; every failure is also counted in `metrics`, when given. */
    constructor(logger: Logger, messages: StorageFailureMessages, metrics?: StorageMetrics) {
        this.#logger = logger;
        this.#messages = messages;
        this.#metrics = metrics;
    }

    /** Logs a failed attempt. */
    failed(error: unknown): void {
        this.#metrics?.failed(error instanceof EventStoreIsUnavailable ? 'unavailable' : 'failed');
        if (!(error instanceof EventStoreIsUnavailable)) {
            this.#logger.log(this.#messages.failed, { error: String(error) });
            return;
        }
        if (!this.#inOutage) {
            this.#inOutage = true;
            this.#logger.log(this.#messages.unavailable, { reason: error.detail });
        }
    }

    /** Notes an attempt that succeeded: ends an outage, if there was one. */
    succeeded(): void {
        if (this.#inOutage) {
            this.#inOutage = false;
            this.#logger.log(this.#messages.available);
        }
    }
}
