import type { Guid } from '../guids/index.js';
import type { StoredSubscription } from './SubscriptionStorage.js';

/** A row of event_horizon_subscriptions as both backends read it (PostgreSQL gives the position as text). */
export type SubscriptionRow = {
    readonly producer_microservice: string;
    readonly producer_tenant: string;
    readonly stream: string;
    readonly partition: string;
    readonly scope: string;
    readonly position: number | string;
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
    };
}
