import type { SqliteMigration } from '../../storage/sqlite/index.js';

/**
 * The projections' tables in the embedded database (the tenant's event store file, so that a read model and the
 * projection's position in stream_processor_states commit in one transaction). Reference 10.2 keeps them in the
 * MongoDB collections `projection-definitions` and `projection-{id}`; see Documentation/storage.md.
 */
export const projectionsSqliteMigrations: ReadonlyArray<SqliteMigration> = [
    {
        name: 'projections.1.definitionsAndReadModels',
        sql: `
            CREATE TABLE projection_definitions (
                scope TEXT NOT NULL,
                projection_id TEXT NOT NULL,
                initial_state TEXT NOT NULL,
                event_selectors TEXT NOT NULL,
                PRIMARY KEY (scope, projection_id)
            ) WITHOUT ROWID;
            CREATE TABLE projection_read_models (
                scope TEXT NOT NULL,
                projection_id TEXT NOT NULL,
                key TEXT NOT NULL,
                state TEXT NOT NULL,
                PRIMARY KEY (scope, projection_id, key)
            ) WITHOUT ROWID;
        `,
    },
];
