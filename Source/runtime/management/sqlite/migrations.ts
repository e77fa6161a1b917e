import type { SqliteMigration } from '../../storage/sqlite/index.js';

/** The management API's table in the embedded database: the events operators skipped. */
export const managementSqliteMigrations: ReadonlyArray<SqliteMigration> = [
    {
        name: 'management.1.skippedEvents',
        sql: `
            CREATE TABLE skipped_events (
                scope TEXT NOT NULL,
                processor_id TEXT NOT NULL,
                source_stream_id TEXT NOT NULL,
                partition TEXT NOT NULL,
                position INTEGER NOT NULL,
                event_log_sequence_number INTEGER NOT NULL,
                reason TEXT NOT NULL,
                processing_attempts INTEGER NOT NULL,
                skipped INTEGER NOT NULL,
                skipped_by TEXT NOT NULL,
                PRIMARY KEY (scope, processor_id, source_stream_id, position, skipped)
            );
        `,
    },
];
