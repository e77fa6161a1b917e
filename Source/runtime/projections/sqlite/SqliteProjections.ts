import type { Guid } from '../../guids/index.js';
import { writeWhenUnlocked, type SqliteDatabase } from '../../storage/sqlite/index.js';
import { sqliteProcessorStateWriter, type StreamProcessorKey } from '../../streams/index.js';
import type { ProjectionDefinition } from '../ProjectionDefinition.js';
import type { ProjectionStorage, ReadModel, ReadModelChange } from '../ProjectionStorage.js';
import { failingKeyFromRow, processorStateOf, type FailingKeyRow } from '../storedState.js';
import { initialProjectionState, type FailingKey, type ProjectionState } from '../ProjectionState.js';
import { selectorsFromStored, selectorsToStored } from '../storedSelectors.js';

type DefinitionRow = { readonly initial_state: string; readonly event_selectors: string };

/** A tenant's projection definitions and read models in the embedded database (the event store's database file). */
export class SqliteProjections implements ProjectionStorage {
    readonly #database: SqliteDatabase;
    readonly #statements;
    readonly #saveDefinition;
    readonly #commit;

    /** Creates the projections over an open database whose streams and projections migrations have run. */
    constructor(database: SqliteDatabase) {
        this.#database = database;
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
            failingKeys: database.prepare('SELECT key, position, retry_time, reason, processing_attempts, last_failed FROM projection_failing_keys WHERE scope = ? AND projection_id = ? ORDER BY key'),
            removeFailingKeys: database.prepare('DELETE FROM projection_failing_keys WHERE scope = ? AND projection_id = ?'),
            addFailingKey: database.prepare(
                'INSERT INTO projection_failing_keys (scope, projection_id, key, position, retry_time, reason, processing_attempts, last_failed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            ),
        };
        this.#statements = statements;
        const writeProcessorState = sqliteProcessorStateWriter(database);
        const writeState = (scope: Guid, projectionId: Guid, processor: StreamProcessorKey, state: ProjectionState): void => {
            writeProcessorState(processor, processorStateOf(state));
            statements.removeFailingKeys.run(scope, projectionId);
            for (const [key, failing] of state.failingKeys) {
                statements.addFailingKey.run(scope, projectionId, key, failing.position, failing.retryTime, failing.reason, failing.attempts, failing.lastFailed);
            }
        };
        this.#saveDefinition = database.transaction(
            (definition: ProjectionDefinition, reset: { readonly processor: StreamProcessorKey } | undefined) => {
                const { scope, projectionId } = definition;
                if (reset !== undefined) {
                    statements.deleteReadModels.run(scope, projectionId);
                    writeState(scope, projectionId, reset.processor, initialProjectionState);
                }
                statements.saveDefinition.run(scope, projectionId, definition.initialState, selectorsToStored(definition.selectors));
            },
        );
        this.#commit = database.transaction(
            (scope: Guid, projectionId: Guid, changes: ReadonlyArray<ReadModelChange>, processor: StreamProcessorKey, state: ProjectionState) => {
                for (const change of changes) {
                    if (change.state === undefined) {
                        statements.delete.run(scope, projectionId, change.key);
                    } else {
                        statements.replace.run(scope, projectionId, change.key, change.state);
                    }
                }
                writeState(scope, projectionId, processor, state);
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

    async saveDefinition(definition: ProjectionDefinition, reset?: { readonly processor: StreamProcessorKey }): Promise<void> {
        await writeWhenUnlocked(this.#database, () => this.#saveDefinition.immediate(definition, reset));
    }

    async failingKeys(scope: Guid, projectionId: Guid): Promise<ReadonlyMap<string, FailingKey>> {
        const rows = this.#statements.failingKeys.all(scope, projectionId) as FailingKeyRow[];
        return new Map(rows.map((row) => [row.key, failingKeyFromRow(row)]));
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

    async commit(scope: Guid, projectionId: Guid, changes: ReadonlyArray<ReadModelChange>, processor: StreamProcessorKey, state: ProjectionState): Promise<void> {
        // Like processor states, read models are derived from the event log: the commit is in the WAL before it
        // returns (it survives a process kill), and the next event commit fsyncs it (see SqliteStreams).
        await writeWhenUnlocked(this.#database, () => this.#commit.immediate(scope, projectionId, changes, processor, state));
    }
}
