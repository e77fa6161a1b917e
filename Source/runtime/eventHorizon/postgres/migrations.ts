import type { PostgresMigration } from '../../storage/postgres/index.js';

/**
 * The consumer side of the Event Horizon in a tenant's PostgreSQL schema: where each subscription is in its
 * producer's public stream (the next position to ask for). The received events are rows of event_log in the
 * subscription's scope, written in the same transaction as the position.
 */
export const eventHorizonPostgresMigrations: ReadonlyArray<PostgresMigration> = [
    {
        name: 'eventHorizon.1.subscriptions',
        sql: `
            CREATE TABLE event_horizon_subscriptions (
                producer_microservice uuid NOT NULL,
                producer_tenant uuid NOT NULL,
                stream uuid NOT NULL,
                partition uuid NOT NULL,
                scope uuid NOT NULL,
                position bigint NOT NULL,
                PRIMARY KEY (producer_microservice, producer_tenant, stream, partition, scope)
            );
        `,
    },
    {
        // When the last received batch arrived (milliseconds since the epoch, the latest event's receive time); NULL
        // for subscriptions stored before it was kept.
        name: 'eventHorizon.2.lastReceived',
        sql: 'ALTER TABLE event_horizon_subscriptions ADD COLUMN last_received bigint',
    },
];
