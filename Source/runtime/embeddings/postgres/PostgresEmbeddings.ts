import type pg from 'pg';
import type { Guid } from '../../guids/index.js';
import type { PostgresDatabase } from '../../storage/postgres/index.js';
import type { EmbeddingDefinition } from '../EmbeddingDefinition.js';
import type { EmbeddingState, EmbeddingStorage } from '../EmbeddingStorage.js';
import { eventTypesFromStored } from '../storedEventTypes.js';

type StateRow = { readonly key: string; readonly state: string; readonly version: string; readonly removed: boolean };

const stateFromRow = (row: StateRow): EmbeddingState => ({ key: row.key, state: row.state, version: Number(row.version), removed: row.removed });

const statements = {
    definition: 'SELECT initial_state, event_types FROM embedding_definitions WHERE embedding_id = $1',
    saveDefinition: `
        INSERT INTO embedding_definitions (embedding_id, initial_state, event_types) VALUES ($1, $2, $3::jsonb)
        ON CONFLICT (embedding_id) DO UPDATE SET initial_state = EXCLUDED.initial_state, event_types = EXCLUDED.event_types`,
    state: 'SELECT key, state, version, removed FROM embedding_states WHERE embedding_id = $1 AND key = $2',
    states: 'SELECT key, state, version, removed FROM embedding_states WHERE embedding_id = $1 ORDER BY key',
    statesOfEventSources: 'SELECT key, state, version, removed FROM embedding_states WHERE embedding_id = $1 AND event_source_id = ANY($2::uuid[]) ORDER BY key',
    save: `
        INSERT INTO embedding_states (embedding_id, key, event_source_id, state, version, removed) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (embedding_id, key) DO UPDATE SET state = EXCLUDED.state, version = EXCLUDED.version, removed = EXCLUDED.removed
        WHERE embedding_states.version <= EXCLUDED.version`,
} as const;

/** A tenant's embedding definitions and states in its PostgreSQL schema (the event store's schema). */
export class PostgresEmbeddings implements EmbeddingStorage {
    readonly #pool: pg.Pool;

    /** Creates the embeddings over an open schema whose embeddings migrations have run. */
    constructor(database: PostgresDatabase) {
        this.#pool = database.pool;
    }

    async definition(embeddingId: Guid): Promise<EmbeddingDefinition | undefined> {
        const result = await this.#pool.query<{ initial_state: string; event_types: unknown }>({ name: 'embeddings.definition', text: statements.definition, values: [embeddingId] });
        const row = result.rows[0];
        if (row === undefined) {
            return undefined;
        }
        return { embeddingId, initialState: row.initial_state, eventTypes: eventTypesFromStored(embeddingId, row.event_types) };
    }

    async saveDefinition(definition: EmbeddingDefinition): Promise<void> {
        await this.#pool.query({ name: 'embeddings.saveDefinition', text: statements.saveDefinition, values: [definition.embeddingId, definition.initialState, JSON.stringify(definition.eventTypes)] });
    }

    async state(embeddingId: Guid, key: string): Promise<EmbeddingState | undefined> {
        const result = await this.#pool.query<StateRow>({ name: 'embeddings.state', text: statements.state, values: [embeddingId, key] });
        const row = result.rows[0];
        return row === undefined ? undefined : stateFromRow(row);
    }

    async states(embeddingId: Guid): Promise<ReadonlyArray<EmbeddingState>> {
        const result = await this.#pool.query<StateRow>({ name: 'embeddings.states', text: statements.states, values: [embeddingId] });
        return result.rows.map(stateFromRow);
    }

    async statesOfEventSources(embeddingId: Guid, eventSourceIds: ReadonlyArray<Guid>): Promise<ReadonlyArray<EmbeddingState>> {
        const result = await this.#pool.query<StateRow>({ name: 'embeddings.statesOfEventSources', text: statements.statesOfEventSources, values: [embeddingId, eventSourceIds] });
        return result.rows.map(stateFromRow);
    }

    async save(embeddingId: Guid, eventSourceId: Guid, state: EmbeddingState): Promise<boolean> {
        const result = await this.#pool.query({
            name: 'embeddings.save',
            text: statements.save,
            values: [embeddingId, state.key, eventSourceId, state.state, state.version, state.removed],
        });
        return (result.rowCount ?? 0) > 0;
    }
}
