import type { SqliteMigration } from '../../storage/sqlite/index.js';

/**
 * The consumer side of the Event Horizon in the embedded database: where each subscription is in its producer's
 * public stream (the next position to ask for). It runs after the event store's migrations: the received events
 * themselves are rows of event_log in the subscription's scope, written in the same transaction as the position.
 */
export const eventHorizonSqliteMigrations: ReadonlyArray<SqliteMigration> = [
    {
        name: 'eventHorizon.1.subscriptions',
        sql: `
            CREATE TABLE event_horizon_subscriptions (
                producer_microservice TEXT NOT NULL,
                producer_tenant TEXT NOT NULL,
                stream TEXT NOT NULL,
                partition TEXT NOT NULL,
                scope TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (producer_microservice, producer_tenant, stream, partition, scope)
            );
        `,
    },
    {
        // When the last received batch arrived (milliseconds since the epoch, the latest event's receive time); NULL
        // for subscriptions stored before it was kept.
        name: 'eventHorizon.2.lastReceived',
        sql: 'ALTER TABLE event_horizon_subscriptions ADD COLUMN last_received INTEGER',
    },
];
