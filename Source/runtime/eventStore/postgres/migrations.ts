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
    {
        // One statement for a commit that moves aggregates: the version check and the inserts in one round trip, where
        // a transaction took four (BEGIN, move, insert, COMMIT). A moved aggregate no longer at its expected version
        // raises SQLSTATE DL001 (appendWithAggregatesStatement.ts), which the Runtime reads as another writer's change.
        name: 'eventStore.2.appendWithAggregatesFunction',
        sql: `
            CREATE FUNCTION event_store_append_with_aggregates(
                events_scope uuid,
                sequence_numbers bigint[], occurred timestamptz[], event_sources uuid[], type_ids uuid[], type_generations bigint[],
                publics boolean[], contents text[], execution_contexts json[], aggregate_root_ids uuid[], aggregate_versions bigint[],
                external_sequence_numbers bigint[], external_received timestamptz[], consents uuid[],
                created_sources uuid[], created_roots uuid[], created_versions bigint[],
                moved_sources uuid[], moved_roots uuid[], moved_expected_versions bigint[], moved_new_versions bigint[]
            ) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                moved bigint;
            BEGIN
                INSERT INTO aggregates (event_source, aggregate_root_id, version)
                SELECT * FROM unnest(created_sources, created_roots, created_versions);
                UPDATE aggregates AS aggregate SET version = change.new_version
                FROM unnest(moved_sources, moved_roots, moved_expected_versions, moved_new_versions)
                    AS change(event_source, aggregate_root_id, expected_version, new_version)
                WHERE aggregate.event_source = change.event_source
                    AND aggregate.aggregate_root_id = change.aggregate_root_id
                    AND aggregate.version = change.expected_version;
                GET DIAGNOSTICS moved = ROW_COUNT;
                IF moved <> coalesce(array_length(moved_sources, 1), 0) THEN
                    RAISE EXCEPTION '% of the % aggregates moved by the commit were no longer at their expected version',
                        coalesce(array_length(moved_sources, 1), 0) - moved, coalesce(array_length(moved_sources, 1), 0)
                        USING ERRCODE = 'DL001';
                END IF;
                INSERT INTO event_log (
                    scope, sequence_number, occurred, event_source, type_id, type_generation, public, content, execution_context,
                    aggregate_root_id, aggregate_version, external_sequence_number, external_received, consent)
                SELECT events_scope, e.*
                FROM unnest(
                    sequence_numbers, occurred, event_sources, type_ids, type_generations, publics, contents, execution_contexts,
                    aggregate_root_ids, aggregate_versions, external_sequence_numbers, external_received, consents) AS e;
            END
            $$;
        `,
    },
];
