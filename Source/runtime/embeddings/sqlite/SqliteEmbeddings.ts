import type { Guid } from '../../guids/index.js';
import { writeWhenUnlocked, type SqliteDatabase } from '../../storage/sqlite/index.js';
import type { EmbeddingDefinition } from '../EmbeddingDefinition.js';
import type { EmbeddingState, EmbeddingStorage } from '../EmbeddingStorage.js';
import { eventTypesFromStored } from '../storedEventTypes.js';

type StateRow = { readonly key: string; readonly state: string; readonly version: number; readonly removed: number };

const stateFromRow = (row: StateRow): EmbeddingState => ({ key: row.key, state: row.state, version: row.version, removed: row.removed !== 0 });

/** A tenant's embedding definitions and states in the embedded database (the event store's database file). */
export class SqliteEmbeddings implements EmbeddingStorage {
    readonly #database: SqliteDatabase;
    readonly #statements;

    /** Creates the embeddings over an open database whose embeddings migrations have run. */
    constructor(database: SqliteDatabase) {
        this.#database = database;
        this.#statements = {
            definition: database.prepare('SELECT initial_state, event_types FROM embedding_definitions WHERE embedding_id = ?'),
            saveDefinition: database.prepare('INSERT OR REPLACE INTO embedding_definitions (embedding_id, initial_state, event_types) VALUES (?, ?, ?)'),
            state: database.prepare('SELECT key, state, version, removed FROM embedding_states WHERE embedding_id = ? AND key = ?'),
            states: database.prepare('SELECT key, state, version, removed FROM embedding_states WHERE embedding_id = ? ORDER BY key'),
            statesOfEventSources: database.prepare(
                'SELECT key, state, version, removed FROM embedding_states WHERE embedding_id = ? AND event_source_id IN (SELECT value FROM json_each(?)) ORDER BY key',
            ),
            save: database.prepare(`
                INSERT INTO embedding_states (embedding_id, key, event_source_id, state, version, removed) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (embedding_id, key) DO UPDATE SET state = excluded.state, version = excluded.version, removed = excluded.removed
                WHERE embedding_states.version <= excluded.version`),
        };
    }

    async definition(embeddingId: Guid): Promise<EmbeddingDefinition | undefined> {
        const row = this.#statements.definition.get(embeddingId) as { initial_state: string; event_types: string } | undefined;
        if (row === undefined) {
            return undefined;
        }
        return { embeddingId, initialState: row.initial_state, eventTypes: eventTypesFromStored(embeddingId, row.event_types) };
    }

    async saveDefinition(definition: EmbeddingDefinition): Promise<void> {
        await writeWhenUnlocked(this.#database, () => this.#statements.saveDefinition.run(definition.embeddingId, definition.initialState, JSON.stringify(definition.eventTypes)));
    }

    async state(embeddingId: Guid, key: string): Promise<EmbeddingState | undefined> {
        const row = this.#statements.state.get(embeddingId, key) as StateRow | undefined;
        return row === undefined ? undefined : stateFromRow(row);
    }

    async states(embeddingId: Guid): Promise<ReadonlyArray<EmbeddingState>> {
        return (this.#statements.states.all(embeddingId) as StateRow[]).map(stateFromRow);
    }

    async statesOfEventSources(embeddingId: Guid, eventSourceIds: ReadonlyArray<Guid>): Promise<ReadonlyArray<EmbeddingState>> {
        return (this.#statements.statesOfEventSources.all(embeddingId, JSON.stringify(eventSourceIds)) as StateRow[]).map(stateFromRow);
    }

    async save(embeddingId: Guid, eventSourceId: Guid, state: EmbeddingState): Promise<boolean> {
        const result = await writeWhenUnlocked(this.#database, () => this.#statements.save.run(embeddingId, state.key, eventSourceId, state.state, state.version, state.removed ? 1 : 0));
        return result.changes > 0;
    }
}
