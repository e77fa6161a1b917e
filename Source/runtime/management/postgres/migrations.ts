import type { PostgresMigration } from '../../storage/postgres/index.js';

/** The management API's table in the tenant's schema: the events operators skipped (times in milliseconds since the epoch). */
export const managementPostgresMigrations: ReadonlyArray<PostgresMigration> = [
    {
        name: 'management.1.skippedEvents',
        sql: `
            CREATE TABLE skipped_events (
                scope uuid NOT NULL,
                processor_id uuid NOT NULL,
                source_stream_id uuid NOT NULL,
                partition text NOT NULL,
                position bigint NOT NULL,
                event_log_sequence_number bigint NOT NULL,
                reason text NOT NULL,
                processing_attempts integer NOT NULL,
                skipped bigint NOT NULL,
                skipped_by text NOT NULL,
                PRIMARY KEY (scope, processor_id, source_stream_id, position, skipped)
            );
        `,
    },
];
