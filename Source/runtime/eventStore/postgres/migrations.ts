import type { PostgresMigration } from '../../storage/postgres/index.js';

/**
 * The event store's tables in a tenant's PostgreSQL schema (see Documentation/storage.md). They mirror the
 * embedded tables: one event_log for every scope, keyed by (scope, sequence_number), whose primary key refuses a
 * second writer's events, and aggregates keyed by (event_source, aggregate_root_id) with the version (the number
 * of events). `occurred` and `external_received` are timestamptz holding whole milliseconds; content is text, so the
 * original string comes back as sent. The execution context is the Runtime's ExecutionContext as json, not jsonb:
 * jsonb refuses the escape \u0000, which a claim or environment received over gRPC may hold.
 */
export const eventStorePostgresMigrations: ReadonlyArray<PostgresMigration> = [
    {
        name: 'eventStore.1.eventLogAndAggregates',
        sql: `
            CREATE TABLE event_log (
                scope uuid NOT NULL,
                sequence_number bigint NOT NULL,
                occurred timestamptz NOT NULL,
                event_source uuid NOT NULL,
                type_id uuid NOT NULL,
                type_generation bigint NOT NULL,
                public boolean NOT NULL,
                content text NOT NULL,
                execution_context json NOT NULL,
                aggregate_root_id uuid,
                aggregate_version bigint,
                external_sequence_number bigint,
                external_received timestamptz,
                consent uuid,
                PRIMARY KEY (scope, sequence_number)
            );
            CREATE INDEX event_log_by_aggregate ON event_log (event_source, aggregate_root_id, aggregate_version) WHERE aggregate_root_id IS NOT NULL;
            CREATE INDEX event_log_by_type ON event_log (scope, type_id, sequence_number);
            CREATE TABLE aggregates (
                event_source uuid NOT NULL,
                aggregate_root_id uuid NOT NULL,
                version bigint NOT NULL,
                PRIMARY KEY (event_source, aggregate_root_id)
            );
        `,
    },
];
