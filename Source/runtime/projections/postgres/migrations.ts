import type { PostgresMigration } from '../../storage/postgres/index.js';

/**
 * The projections' tables in a tenant's PostgreSQL schema (beside stream_processor_states, so that a read model and
 * the projection's position commit in one transaction). The state is text, not jsonb: the store answers the exact
 * JSON text the head wrote (reference 10.2's ContentRaw). See Documentation/storage.md.
 */
export const projectionsPostgresMigrations: ReadonlyArray<PostgresMigration> = [
    {
        name: 'projections.1.definitionsAndReadModels',
        sql: `
            CREATE TABLE projection_definitions (
                scope uuid NOT NULL,
                projection_id uuid NOT NULL,
                initial_state text NOT NULL,
                event_selectors jsonb NOT NULL,
                PRIMARY KEY (scope, projection_id)
            );
            CREATE TABLE projection_read_models (
                scope uuid NOT NULL,
                projection_id uuid NOT NULL,
                key text NOT NULL,
                state text NOT NULL,
                PRIMARY KEY (scope, projection_id, key)
            );
        `,
    },
    {
        // A key whose event failed waits at it while the other keys go on (only one key's events must stay in
        // order); its row goes when it has caught up with the projection's position.
        name: 'projections.2.failingKeys',
        sql: `
            CREATE TABLE projection_failing_keys (
                scope uuid NOT NULL,
                projection_id uuid NOT NULL,
                key text NOT NULL,
                position bigint NOT NULL,
                retry_time bigint NOT NULL,
                reason text NOT NULL,
                processing_attempts integer NOT NULL,
                last_failed bigint NOT NULL,
                PRIMARY KEY (scope, projection_id, key)
            );
        `,
    },
];
