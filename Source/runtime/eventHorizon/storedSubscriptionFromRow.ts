import type { CommittedEvent } from '../eventStore/index.js';
import type { Guid } from '../guids/index.js';
import type { StoredSubscription } from './SubscriptionStorage.js';

/** A row of event_horizon_subscriptions as both backends read it (PostgreSQL gives the numbers as text). */
export type SubscriptionRow = {
    readonly producer_microservice: string;
    readonly producer_tenant: string;
    readonly stream: string;
    readonly partition: string;
    readonly scope: string;
    readonly position: number | string;
    readonly last_received: number | string | null;
};

/** The stored subscription of a row. */
export function storedSubscriptionFromRow(row: SubscriptionRow): StoredSubscription {
    return {
        key: {
            producerMicroservice: row.producer_microservice as Guid,
            producerTenant: row.producer_tenant as Guid,
            stream: row.stream as Guid,
            partition: row.partition as Guid,
            scope: row.scope as Guid,
        },
        position: Number(row.position),
        ...(row.last_received === null ? {} : { lastReceived: Number(row.last_received) }),
    };
}

/** When a batch was received: the latest receive time of its events, or null when none says. */
export function lastReceivedOf(events: ReadonlyArray<CommittedEvent>): number | null {
    const times = events.flatMap((event) => (event.external === undefined ? [] : [event.external.received]));
    return times.length === 0 ? null : Math.max(...times);
}
