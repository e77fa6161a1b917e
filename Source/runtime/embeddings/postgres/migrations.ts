import type { PostgresMigration } from '../../storage/postgres/index.js';

/**
 * The embeddings' tables in a tenant's PostgreSQL schema. The state is text, not jsonb, so the store answers the
 * exact JSON text (reference 10.3's Content). The event source id is stored beside each key (it is derived from the
 * key) so that events committed elsewhere find their key. See Documentation/storage.md.
 */
export const embeddingsPostgresMigrations: ReadonlyArray<PostgresMigration> = [
    {
        name: 'embeddings.1.definitionsAndStates',
        sql: `
            CREATE TABLE embedding_definitions (
                embedding_id uuid NOT NULL PRIMARY KEY,
                initial_state text NOT NULL,
                event_types jsonb NOT NULL
            );
            CREATE TABLE embedding_states (
                embedding_id uuid NOT NULL,
                key text NOT NULL,
                event_source_id uuid NOT NULL,
                state text NOT NULL,
                version bigint NOT NULL,
                removed boolean NOT NULL,
                PRIMARY KEY (embedding_id, key)
            );
            CREATE INDEX embedding_states_by_event_source ON embedding_states (embedding_id, event_source_id);
        `,
    },
];
