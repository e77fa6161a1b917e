import type { SqliteMigration } from '../../storage/sqlite/index.js';

/**
 * The embeddings' tables in the embedded database (the tenant's event store file). Reference 10.3 keeps them in the
 * MongoDB collections `embedding-definitions` and `embedding-{id}`; see Documentation/storage.md. The event source id
 * is stored beside each key (it is derived from the key) so that events committed elsewhere find their key.
 */
export const embeddingsSqliteMigrations: ReadonlyArray<SqliteMigration> = [
    {
        name: 'embeddings.1.definitionsAndStates',
        sql: `
            CREATE TABLE embedding_definitions (
                embedding_id TEXT NOT NULL PRIMARY KEY,
                initial_state TEXT NOT NULL,
                event_types TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE embedding_states (
                embedding_id TEXT NOT NULL,
                key TEXT NOT NULL,
                event_source_id TEXT NOT NULL,
                state TEXT NOT NULL,
                version INTEGER NOT NULL,
                removed INTEGER NOT NULL,
                PRIMARY KEY (embedding_id, key)
            ) WITHOUT ROWID;
            CREATE INDEX embedding_states_by_event_source ON embedding_states (embedding_id, event_source_id);
        `,
    },
];
