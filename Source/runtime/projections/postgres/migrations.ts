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
];
