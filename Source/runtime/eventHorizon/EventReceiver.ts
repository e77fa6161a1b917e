import type { dolittle } from '@dolittle-typescript/protocol';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { failureToWire } from '../wire/index.js';
import type { EventRequest } from './eventHorizonProtocols.js';
import { eventHorizonFailures } from './failures.js';
import { eventHorizonLogMessages as messages } from './logMessages.js';
import { receivedEventFromWire, type ReceivedEvent } from './receivedEventFromWire.js';
import type { ScopedEventLogWriter } from './ScopedEventLogWriter.js';
import type { SubscriptionKey } from './SubscriptionKey.js';

type Response = dolittle.runtime.eventhorizon.ConsumerResponse.$Properties;
type Waiting = { readonly received: ReceivedEvent; readonly resolve: (response: Response) => void; readonly reject: (error: unknown) => void };

// The producer keeps a window of events in flight; the ones that arrive while a batch is written form the next batch.
const maximumEventsInOneBatch = 2_000;

/**
 * Receives one connection's events from a producer and writes them, in arrival order, batch by batch, into the
 * subscription's scope; an event is answered once it is stored with the subscription's new position. Events before
 * the subscription's position (sent again after a reconnect) are answered without being written again. When a write
 * fails every waiting event is rejected, which ends the connection: the subscription reconnects from its stored
 * position, so nothing is skipped and nothing written twice.
 */
export class EventReceiver {
    readonly #key: SubscriptionKey;
    readonly #consentId: Guid;
    readonly #writer: ScopedEventLogWriter;
    readonly #logger: Logger;
    readonly #clock: () => number;
    readonly #written: (events: number) => void;
    #position: number;
    #waiting: Waiting[] = [];
    #writing = false;
    #broken: unknown;

    /**
     * Creates the receiver of a connection that asked the producer for events from `position` on; `written` is told how
     * many events each stored batch held.
     */
    constructor(key: SubscriptionKey, position: number, consentId: Guid, writer: ScopedEventLogWriter, logger: Logger, written: (events: number) => void, clock: () => number = Date.now) {
        this.#key = key;
        this.#position = position;
        this.#consentId = consentId;
        this.#writer = writer;
        this.#logger = logger;
        this.#clock = clock;
        this.#written = written;
    }

    /** Takes one event; resolves with the answer once it is stored (or was already), rejects when it could not be. */
    handle(request: EventRequest): Promise<Response> {
        if (this.#broken !== undefined) {
            return Promise.reject(this.#broken);
        }
        let received: ReceivedEvent;
        try {
            received = receivedEventFromWire(request, this.#consentId, this.#clock());
        } catch (error) {
            const failure = eventHorizonFailures.errorHandlingEvent(error instanceof Error ? error.message : String(error));
            return Promise.resolve({ failure: failureToWire(failure) });
        }
        return new Promise((resolve, reject) => {
            this.#waiting.push({ received, resolve, reject });
            if (!this.#writing) {
                this.#writing = true;
                void this.#writeWaiting();
            }
        });
    }

    async #writeWaiting(): Promise<void> {
        try {
            while (this.#waiting.length > 0) {
                const batch = this.#waiting.slice(0, maximumEventsInOneBatch);
                this.#waiting = this.#waiting.slice(batch.length);
                await this.#write(batch);
            }
        } finally {
            this.#writing = false;
        }
    }

    async #write(batch: ReadonlyArray<Waiting>): Promise<void> {
        const fresh: ReceivedEvent[] = [];
        let next = this.#position;
        for (const { received } of batch) {
            // Positions only grow: a repeat is an event stored before a reconnect.
            if (received.position >= next) {
                fresh.push(received);
                next = received.position + 1;
            }
        }
        try {
            if (fresh.length > 0) {
                await this.#writer.write(this.#key, fresh, this.#position, next);
                this.#logger.log(messages.received, { events: fresh.length, fromPosition: this.#position, toPosition: next });
                this.#position = next;
                this.#written(fresh.length);
            }
            batch.forEach((waiting) => waiting.resolve({}));
        } catch (error) {
            this.#broken = error;
            this.#logger.log(messages.receiveFailed, { error: error instanceof Error ? error.message : String(error), fromPosition: this.#position });
            [...batch, ...this.#waiting].forEach((waiting) => waiting.reject(error));
            this.#waiting = [];
        }
    }
}
