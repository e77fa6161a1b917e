import type { SqliteMigration } from '../../storage/sqlite/index.js';

/**
 * The streams' tables in the embedded database; they run after the event store's migrations, because stream
 * events reference the event_log rows of their scope instead of copying them.
 * Times are milliseconds since the epoch; a retry time of Number.MAX_SAFE_INTEGER means "never retry".
 */
export const streamsSqliteMigrations: ReadonlyArray<SqliteMigration> = [
    {
        name: 'streams.1.definitionsEventsAndProcessorStates',
        sql: `
            CREATE TABLE stream_definitions (
                scope TEXT NOT NULL,
                stream_id TEXT NOT NULL,
                public INTEGER NOT NULL,
                partitioned INTEGER NOT NULL,
                filter TEXT NOT NULL,
                PRIMARY KEY (scope, public, stream_id)
            );
            CREATE TABLE stream_events (
                scope TEXT NOT NULL,
                public INTEGER NOT NULL,
                stream_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                partition TEXT NOT NULL,
                event_log_sequence_number INTEGER NOT NULL,
                PRIMARY KEY (scope, public, stream_id, position),
                UNIQUE (scope, public, stream_id, event_log_sequence_number),
                FOREIGN KEY (scope, event_log_sequence_number) REFERENCES event_log (scope, sequence_number)
            ) WITHOUT ROWID;
            -- Covers partition reads: the sequence number is in the index, so only event_log is visited per event.
            CREATE INDEX stream_events_by_partition ON stream_events (scope, public, stream_id, partition, position, event_log_sequence_number);
            CREATE TABLE stream_processor_states (
                scope TEXT NOT NULL,
                processor_id TEXT NOT NULL,
                source_stream_id TEXT NOT NULL,
                partitioned INTEGER NOT NULL,
                position INTEGER NOT NULL,
                last_successfully_processed INTEGER NOT NULL,
                is_failing INTEGER NOT NULL DEFAULT 0,
                failure_reason TEXT NOT NULL DEFAULT '',
                processing_attempts INTEGER NOT NULL DEFAULT 0,
                retry_time INTEGER NOT NULL DEFAULT 0,
                last_failed INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (scope, processor_id, source_stream_id)
            ) WITHOUT ROWID;
            CREATE TABLE failing_partitions (
                scope TEXT NOT NULL,
                processor_id TEXT NOT NULL,
                source_stream_id TEXT NOT NULL,
                partition TEXT NOT NULL,
                position INTEGER NOT NULL,
                retry_time INTEGER NOT NULL,
                reason TEXT NOT NULL,
                processing_attempts INTEGER NOT NULL,
                last_failed INTEGER NOT NULL,
                PRIMARY KEY (scope, processor_id, source_stream_id, partition)
            ) WITHOUT ROWID;
        `,
    },
];
