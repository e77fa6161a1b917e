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
    {
        // A key whose event failed waits at it while the other keys go on (only one key's events must stay in
        // order); its row goes when it has caught up with the projection's position.
        name: 'projections.2.failingKeys',
        sql: `
            CREATE TABLE projection_failing_keys (
                scope TEXT NOT NULL,
                projection_id TEXT NOT NULL,
                key TEXT NOT NULL,
                position INTEGER NOT NULL,
                retry_time INTEGER NOT NULL,
                reason TEXT NOT NULL,
                processing_attempts INTEGER NOT NULL,
                last_failed INTEGER NOT NULL,
                PRIMARY KEY (scope, projection_id, key)
            ) WITHOUT ROWID;
        `,
    },
];
