import type { Guid } from '../../guids/index.js';
import { writeWhenUnlocked, type SqliteDatabase } from '../../storage/sqlite/index.js';
import { sqliteProcessorStateWriter, type StreamProcessorKey, type UnpartitionedStreamProcessorState } from '../../streams/index.js';
import type { ProjectionDefinition } from '../ProjectionDefinition.js';
import type { ProjectionStorage, ReadModel, ReadModelChange } from '../ProjectionStorage.js';
import { selectorsFromStored, selectorsToStored } from '../storedSelectors.js';

type DefinitionRow = { readonly initial_state: string; readonly event_selectors: string };

/** A tenant's projection definitions and read models in the embedded database (the event store's database file). */
export class SqliteProjections implements ProjectionStorage {
    readonly #statements;
    readonly #saveDefinition;
    readonly #commit;

    /** Creates the projections over an open database whose streams and projections migrations have run. */
    constructor(database: SqliteDatabase) {
        const statements = {
            definition: database.prepare('SELECT initial_state, event_selectors FROM projection_definitions WHERE scope = ? AND projection_id = ?'),
            saveDefinition: database.prepare('INSERT OR REPLACE INTO projection_definitions (scope, projection_id, initial_state, event_selectors) VALUES (?, ?, ?, ?)'),
            deleteReadModels: database.prepare('DELETE FROM projection_read_models WHERE scope = ? AND projection_id = ?'),
            readModel: database.prepare('SELECT state FROM projection_read_models WHERE scope = ? AND projection_id = ? AND key = ?').pluck(),
            // The keys travel as one JSON array: any number of them fits one statement.
            readModelsOf: database.prepare('SELECT key, state FROM projection_read_models WHERE scope = ? AND projection_id = ? AND key IN (SELECT value FROM json_each(?))'),
            readModels: database.prepare('SELECT key, state FROM projection_read_models WHERE scope = ? AND projection_id = ? ORDER BY key'),
            replace: database.prepare('INSERT OR REPLACE INTO projection_read_models (scope, projection_id, key, state) VALUES (?, ?, ?, ?)'),
            delete: database.prepare('DELETE FROM projection_read_models WHERE scope = ? AND projection_id = ? AND key = ?'),
        };
        this.#statements = statements;
        const writeState = sqliteProcessorStateWriter(database);
        this.#saveDefinition = database.transaction(
            (definition: ProjectionDefinition, reset: { readonly processor: StreamProcessorKey; readonly state: UnpartitionedStreamProcessorState } | undefined) => {
                const { scope, projectionId } = definition;
                if (reset !== undefined) {
                    statements.deleteReadModels.run(scope, projectionId);
                    writeState(reset.processor, reset.state);
                }
                statements.saveDefinition.run(scope, projectionId, definition.initialState, selectorsToStored(definition.selectors));
            },
        );
        this.#commit = database.transaction(
            (scope: Guid, projectionId: Guid, changes: ReadonlyArray<ReadModelChange>, processor: StreamProcessorKey, state: UnpartitionedStreamProcessorState) => {
                for (const change of changes) {
                    if (change.state === undefined) {
                        statements.delete.run(scope, projectionId, change.key);
                    } else {
                        statements.replace.run(scope, projectionId, change.key, change.state);
                    }
                }
                writeState(processor, state);
            },
        );
    }

    async definition(scope: Guid, projectionId: Guid): Promise<ProjectionDefinition | undefined> {
        const row = this.#statements.definition.get(scope, projectionId) as DefinitionRow | undefined;
        if (row === undefined) {
            return undefined;
        }
        return { scope, projectionId, initialState: row.initial_state, selectors: selectorsFromStored(projectionId, row.event_selectors) };
    }

    async saveDefinition(definition: ProjectionDefinition, reset?: { readonly processor: StreamProcessorKey; readonly state: UnpartitionedStreamProcessorState }): Promise<void> {
        await writeWhenUnlocked(() => this.#saveDefinition.immediate(definition, reset));
    }

    async readModel(scope: Guid, projectionId: Guid, key: string): Promise<string | undefined> {
        return this.#statements.readModel.get(scope, projectionId, key) as string | undefined;
    }

    async readModelsOf(scope: Guid, projectionId: Guid, keys: ReadonlyArray<string>): Promise<ReadonlyMap<string, string>> {
        const rows = this.#statements.readModelsOf.all(scope, projectionId, JSON.stringify(keys)) as ReadModel[];
        return new Map(rows.map((row) => [row.key, row.state]));
    }

    async readModels(scope: Guid, projectionId: Guid): Promise<ReadonlyArray<ReadModel>> {
        return this.#statements.readModels.all(scope, projectionId) as ReadModel[];
    }

    async commit(scope: Guid, projectionId: Guid, changes: ReadonlyArray<ReadModelChange>, processor: StreamProcessorKey, state: UnpartitionedStreamProcessorState): Promise<void> {
        // Like processor states, read models are derived from the event log: the commit is in the WAL before it
        // returns (it survives a process kill), and the next event commit fsyncs it (see SqliteStreams).
        await writeWhenUnlocked(() => this.#commit.immediate(scope, projectionId, changes, processor, state));
    }
}
