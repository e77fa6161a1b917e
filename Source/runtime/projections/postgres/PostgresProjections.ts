import type pg from 'pg';
import type { Guid } from '../../guids/index.js';
import type { PostgresDatabase } from '../../storage/postgres/index.js';
import { savePostgresProcessorState, type StreamProcessorKey } from '../../streams/index.js';
import type { ProjectionDefinition } from '../ProjectionDefinition.js';
import type { ProjectionStorage, ReadModel, ReadModelChange } from '../ProjectionStorage.js';
import { initialProjectionState, type FailingKey, type ProjectionState } from '../ProjectionState.js';
import { failingKeyFromRow, processorStateOf, type FailingKeyRow } from '../storedState.js';
import { selectorsFromStored, selectorsToStored } from '../storedSelectors.js';

const statements = {
    definition: 'SELECT initial_state, event_selectors FROM projection_definitions WHERE scope = $1 AND projection_id = $2',
    saveDefinition: `
        INSERT INTO projection_definitions (scope, projection_id, initial_state, event_selectors) VALUES ($1, $2, $3, $4::jsonb)
        ON CONFLICT (scope, projection_id) DO UPDATE SET initial_state = EXCLUDED.initial_state, event_selectors = EXCLUDED.event_selectors`,
    deleteReadModels: 'DELETE FROM projection_read_models WHERE scope = $1 AND projection_id = $2',
    readModel: 'SELECT state FROM projection_read_models WHERE scope = $1 AND projection_id = $2 AND key = $3',
    readModelsOf: 'SELECT key, state FROM projection_read_models WHERE scope = $1 AND projection_id = $2 AND key = ANY($3::text[])',
    readModels: 'SELECT key, state FROM projection_read_models WHERE scope = $1 AND projection_id = $2 ORDER BY key',
    // Each key once, with its last change: the deleted keys go, the others are upserted.
    applyChanges: `
        WITH changes AS (SELECT * FROM unnest($3::text[], $4::text[], $5::boolean[]) AS change (key, state, deleted)),
        deleted AS (
            DELETE FROM projection_read_models r USING changes c
            WHERE r.scope = $1 AND r.projection_id = $2 AND r.key = c.key AND c.deleted
        )
        INSERT INTO projection_read_models (scope, projection_id, key, state)
        SELECT $1, $2, key, state FROM changes WHERE NOT deleted
        ON CONFLICT (scope, projection_id, key) DO UPDATE SET state = EXCLUDED.state`,
    failingKeys: 'SELECT key, position, retry_time, reason, processing_attempts, last_failed FROM projection_failing_keys WHERE scope = $1 AND projection_id = $2 ORDER BY key',
    // Makes the failing keys exactly those given: the others go, these are inserted or updated.
    saveFailingKeys: `
        WITH removed AS (DELETE FROM projection_failing_keys WHERE scope = $1 AND projection_id = $2 AND key <> ALL ($3::text[]))
        INSERT INTO projection_failing_keys (scope, projection_id, key, position, retry_time, reason, processing_attempts, last_failed)
        SELECT $1, $2, failing.* FROM unnest($3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::integer[], $8::bigint[])
            AS failing (key, position, retry_time, reason, processing_attempts, last_failed)
        ON CONFLICT (scope, projection_id, key) DO UPDATE SET (position, retry_time, reason, processing_attempts, last_failed) =
            (EXCLUDED.position, EXCLUDED.retry_time, EXCLUDED.reason, EXCLUDED.processing_attempts, EXCLUDED.last_failed)`,
} as const;

/** A tenant's projection definitions and read models in its PostgreSQL schema (the event store's schema). */
export class PostgresProjections implements ProjectionStorage {
    readonly #pool: pg.Pool;

    /** Creates the projections over an open schema whose streams and projections migrations have run. */
    constructor(database: PostgresDatabase) {
        this.#pool = database.pool;
    }

    async definition(scope: Guid, projectionId: Guid): Promise<ProjectionDefinition | undefined> {
        const result = await this.#pool.query<{ initial_state: string; event_selectors: unknown }>({ name: 'projections.definition', text: statements.definition, values: [scope, projectionId] });
        const row = result.rows[0];
        if (row === undefined) {
            return undefined;
        }
        return { scope, projectionId, initialState: row.initial_state, selectors: selectorsFromStored(projectionId, row.event_selectors) };
    }

    async saveDefinition(definition: ProjectionDefinition, reset?: { readonly processor: StreamProcessorKey }): Promise<void> {
        const { scope, projectionId } = definition;
        await this.#inTransaction(async (client) => {
            if (reset !== undefined) {
                await client.query({ name: 'projections.deleteReadModels', text: statements.deleteReadModels, values: [scope, projectionId] });
                await saveState(client, scope, projectionId, reset.processor, initialProjectionState);
            }
            await client.query({ name: 'projections.saveDefinition', text: statements.saveDefinition, values: [scope, projectionId, definition.initialState, selectorsToStored(definition.selectors)] });
        });
    }

    async failingKeys(scope: Guid, projectionId: Guid): Promise<ReadonlyMap<string, FailingKey>> {
        const result = await this.#pool.query<FailingKeyRow>({ name: 'projections.failingKeys', text: statements.failingKeys, values: [scope, projectionId] });
        return new Map(result.rows.map((row) => [row.key, failingKeyFromRow(row)]));
    }

    async readModel(scope: Guid, projectionId: Guid, key: string): Promise<string | undefined> {
        const result = await this.#pool.query<{ state: string }>({ name: 'projections.readModel', text: statements.readModel, values: [scope, projectionId, key] });
        return result.rows[0]?.state;
    }

    async readModelsOf(scope: Guid, projectionId: Guid, keys: ReadonlyArray<string>): Promise<ReadonlyMap<string, string>> {
        const result = await this.#pool.query<ReadModel>({ name: 'projections.readModelsOf', text: statements.readModelsOf, values: [scope, projectionId, keys] });
        return new Map(result.rows.map((row) => [row.key, row.state]));
    }

    async readModels(scope: Guid, projectionId: Guid): Promise<ReadonlyArray<ReadModel>> {
        const result = await this.#pool.query<ReadModel>({ name: 'projections.readModels', text: statements.readModels, values: [scope, projectionId] });
        return result.rows;
    }

    async commit(scope: Guid, projectionId: Guid, changes: ReadonlyArray<ReadModelChange>, processor: StreamProcessorKey, state: ProjectionState): Promise<void> {
        // One row per key: an upsert cannot touch a row twice in one statement, and only the last change counts.
        const last = new Map(changes.map((change) => [change.key, change.state]));
        const keys = [...last.keys()];
        await this.#inTransaction(async (client) => {
            if (keys.length > 0) {
                await client.query({
                    name: 'projections.applyChanges',
                    text: statements.applyChanges,
                    values: [scope, projectionId, keys, keys.map((key) => last.get(key) ?? ''), keys.map((key) => last.get(key) === undefined)],
                });
            }
            await saveState(client, scope, projectionId, processor, state);
        });
    }

    async #inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
        const client = await this.#pool.connect();
        let broken: unknown;
        try {
            await client.query('BEGIN');
            await work(client);
            await client.query('COMMIT');
        } catch (error) {
            broken = error;
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
        } finally {
            // A connection whose rollback may have failed is not given back to the pool for reuse.
            client.release(broken instanceof Error ? broken : undefined);
        }
    }
}

async function saveState(client: pg.PoolClient, scope: Guid, projectionId: Guid, processor: StreamProcessorKey, state: ProjectionState): Promise<void> {
    await savePostgresProcessorState(client, processor, processorStateOf(state));
    const failing = [...state.failingKeys];
    await client.query({
        name: 'projections.saveFailingKeys',
        text: statements.saveFailingKeys,
        values: [
            scope,
            projectionId,
            failing.map(([key]) => key),
            failing.map(([, key]) => key.position),
            failing.map(([, key]) => key.retryTime),
            failing.map(([, key]) => key.reason),
            failing.map(([, key]) => key.attempts),
            failing.map(([, key]) => key.lastFailed),
        ],
    });
}
