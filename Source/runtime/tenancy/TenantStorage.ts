import type { EmbeddingStorage } from '../embeddings/index.js';
import type { EventLogStorage } from '../eventStore/index.js';
import type { SkippedEvents } from '../management/index.js';
import type { SubscriptionStorage } from '../eventHorizon/SubscriptionStorage.js';
import type { ProjectionStorage } from '../projections/index.js';
import type { StreamStorage } from '../streams/index.js';

/** A tenant's open event store database: the event logs, the streams and the projections' read models, over one backend. */
export type TenantStorage = {
    /** The event logs; a call that fails because the database is unavailable rejects with EventStoreIsUnavailable. */
    readonly eventLog: EventLogStorage;
    /** The streams and processor states; unavailability rejects with EventStoreIsUnavailable, as for the event logs. */
    readonly streams: StreamStorage;
    /** The projections' definitions and read models, in the same database; unavailability rejects likewise. */
    readonly projections: ProjectionStorage;
    /** The embeddings' definitions and states, in the same database; unavailability rejects likewise. */
    readonly embeddings: EmbeddingStorage;
    /** The events operators skipped through the management API, in the same database. */
    readonly skippedEvents: SkippedEvents;
    /** The Event Horizon subscriptions this tenant consumes, written together with the received events; unavailability rejects likewise. */
    readonly subscriptions: SubscriptionStorage;
    /** Which store this is, for the start-up log (never a connection string). */
    readonly description: string;
    /**
     * Checks that the database takes work now, with the cheapest call that would fail in an outage; rejects with
     * EventStoreIsUnavailable when it does not.
     */
    probe(): Promise<void>;
    /** Closes the connections; pending writes finish first. */
    close(): Promise<void>;
};
