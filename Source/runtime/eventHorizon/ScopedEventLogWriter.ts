import type { CommittedEvent } from '../eventStore/index.js';
import type { Guid } from '../guids/index.js';
import type { ReceivedEvent } from './receivedEventFromWire.js';
import type { SubscriptionKey } from './SubscriptionKey.js';
import type { SubscriptionStorage } from './SubscriptionStorage.js';

/** What a writer needs of a consumer tenant: its scope's next sequence number, its subscriptions, and who to tell. */
export type ScopedEventLogParts = {
    readonly nextSequenceNumber: () => Promise<number>;
    readonly subscriptions: SubscriptionStorage;
    /** Told of every batch written, so that the scope's processors wake at once. */
    readonly written: (events: ReadonlyArray<CommittedEvent>) => void;
};

/**
 * Writes received events into one scope's event log of one consumer tenant, one batch at a time (several subscriptions
 * may route into one scope), numbering them after the log's last event; each batch moves its subscription's position
 * in the same transaction. When a batch fails nothing of it was stored, and the next one reads the log's end again.
 */
export class ScopedEventLogWriter {
    readonly #parts: ScopedEventLogParts;
    #next: number | undefined;
    #last: Promise<unknown> = Promise.resolve();

    /** Creates the writer of one tenant's scope. */
    constructor(parts: ScopedEventLogParts) {
        this.#parts = parts;
    }

    /** Writes the batch and moves the subscription from `fromPosition` to `toPosition` in one transaction, after the batches before it. */
    write(subscription: SubscriptionKey, received: ReadonlyArray<ReceivedEvent>, fromPosition: number, toPosition: number): Promise<ReadonlyArray<CommittedEvent>> {
        const written = this.#last.then(() => this.#write(subscription, received, fromPosition, toPosition));
        this.#last = written.catch(() => undefined);
        return written;
    }

    async #write(subscription: SubscriptionKey, received: ReadonlyArray<ReceivedEvent>, fromPosition: number, toPosition: number): Promise<ReadonlyArray<CommittedEvent>> {
        try {
            this.#next ??= await this.#parts.nextSequenceNumber();
            const first = this.#next;
            const events = received.map((item, index): CommittedEvent => ({ ...item.event, sequenceNumber: first + index }));
            await this.#parts.subscriptions.receive(subscription, events, fromPosition, toPosition);
            this.#next = first + events.length;
            if (events.length > 0) {
                this.#parts.written(events);
            }
            return events;
        } catch (error) {
            this.#next = undefined;
            throw error;
        }
    }
}

/** The writers of a consumer tenant's scopes, made when first needed. */
export class ScopedEventLogWriters {
    readonly #writers = new Map<string, ScopedEventLogWriter>();

    /** The writer of a tenant's scope, made from its parts when first asked for. */
    for(tenant: Guid, scope: Guid, parts: () => ScopedEventLogParts): ScopedEventLogWriter {
        const key = `${tenant}/${scope}`;
        let writer = this.#writers.get(key);
        if (writer === undefined) {
            writer = new ScopedEventLogWriter(parts());
            this.#writers.set(key, writer);
        }
        return writer;
    }
}
