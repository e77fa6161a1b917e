import pg from 'pg';
import type { Logger } from '../../logging/index.js';
import { postgresLogMessages } from './logMessages.js';
import type { PostgresMigration } from './PostgresMigration.js';
import { PostgresSchemaCouldNotBeOpened } from './PostgresSchemaCouldNotBeOpened.js';

/** The first key of the advisory locks that serialise migrations; the second is the schema name's hash. */
const migrationLockNamespace = 0x646f6c69;

/**
 * Creates the schema if it is missing and applies the migrations it has not had yet, in order, each in its own
 * transaction that holds an advisory lock on the schema, so Runtimes starting together apply each one once.
 */
export async function migratePostgresSchema(
    client: pg.ClientBase,
    schema: string,
    migrations: ReadonlyArray<PostgresMigration>,
    logger: Logger | undefined,
): Promise<void> {
    const quotedSchema = pg.escapeIdentifier(schema);
    await inTransaction(client, schema, undefined, async () => {
        await lockSchema(client, schema);
        const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
        if (found.rowCount === 0) {
            await client.query(`CREATE SCHEMA ${quotedSchema}`);
        }
        await client.query(`CREATE TABLE IF NOT EXISTS ${quotedSchema}.schema_migrations (name text PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())`);
    });
    const applied = await client.query<{ name: string }>(`SELECT name FROM ${quotedSchema}.schema_migrations`);
    const appliedNames = new Set(applied.rows.map((row) => row.name));
    for (const migration of migrations) {
        if (appliedNames.has(migration.name)) {
            continue;
        }
        await inTransaction(client, schema, migration.name, async () => {
            await lockSchema(client, schema);
            const already = await client.query(`SELECT 1 FROM ${quotedSchema}.schema_migrations WHERE name = $1`, [migration.name]);
            if (already.rowCount !== 0) {
                return;
            }
            await client.query(migration.sql);
            await client.query(`INSERT INTO ${quotedSchema}.schema_migrations (name) VALUES ($1)`, [migration.name]);
            logger?.log(postgresLogMessages.migrationApplied, { schema, migration: migration.name });
        });
    }
}

async function lockSchema(client: pg.ClientBase, schema: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [migrationLockNamespace, schema]);
}

async function inTransaction(client: pg.ClientBase, schema: string, migration: string | undefined, work: () => Promise<void>): Promise<void> {
    await client.query('BEGIN');
    try {
        await work();
        await client.query('COMMIT');
    } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const problem = error instanceof Error ? error.message : String(error);
        throw new PostgresSchemaCouldNotBeOpened(schema, { migration, problem }, { cause: error });
    }
}
