import type { SqliteMigration } from '../../storage/sqlite/index.js';

/** The event store's tables in the embedded database (see Documentation/storage.md for the mapping to the documented collections). */
export const eventStoreSqliteMigrations: ReadonlyArray<SqliteMigration> = [
    {
        name: 'eventStore.1.eventLogAndAggregates',
        sql: `
            CREATE TABLE event_log (
                scope TEXT NOT NULL,
                sequence_number INTEGER NOT NULL,
                occurred INTEGER NOT NULL,
                event_source TEXT NOT NULL,
                type_id TEXT NOT NULL,
                type_generation INTEGER NOT NULL,
                public INTEGER NOT NULL,
                content TEXT NOT NULL,
                execution_context TEXT NOT NULL,
                aggregate_root_id TEXT,
                aggregate_version INTEGER,
                external_sequence_number INTEGER,
                external_received INTEGER,
                consent TEXT,
                PRIMARY KEY (scope, sequence_number)
            );
            CREATE INDEX event_log_by_aggregate ON event_log (event_source, aggregate_root_id, aggregate_version) WHERE aggregate_root_id IS NOT NULL;
            CREATE INDEX event_log_by_type ON event_log (scope, type_id, sequence_number);
            CREATE TABLE aggregates (
                event_source TEXT NOT NULL,
                aggregate_root_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (event_source, aggregate_root_id)
            );
        `,
    },
];
