import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openPostgresDatabase } from '../openPostgresDatabase.js';
import type { PostgresDatabase } from '../PostgresDatabase.js';
import type { PostgresMigration } from '../PostgresMigration.js';

/** The server tests use unless DOLITTLE_TEST_POSTGRES names another (trust authentication, no password). */
const defaultServer = 'postgres://postgres@127.0.0.1:5432/postgres';

/** What a test file gets: whether PostgreSQL is there, and fresh schemas in the file's own database. */
export type PostgresForTests = {
    /** False when the server could not be reached outside CI: the file's PostgreSQL suites skip. */
    readonly available: boolean;
    /** The connection string of the file's own database (created for it, dropped after it). */
    readonly connectionString: string;
    /** Opens a schema (a fresh random one unless named) in the file's database; it is closed after the file. */
    openSchema(options: { readonly migrations: ReadonlyArray<PostgresMigration>; readonly schema?: string; readonly maximumConnections?: number }): Promise<PostgresDatabase>;
};

/**
 * The one place that decides about PostgreSQL in tests: creates a database for the test file and drops it after
 * the file; when the server cannot be reached it fails the run on CI (CI=true) and elsewhere says so loudly and
 * lets the file skip.
 *
 * @example
 * const postgres = await postgresForTests(import.meta.url);
 * describe.skipIf(!postgres.available)('when storing in PostgreSQL', () => {
 *     it('does something', async () => {
 *         const database = await postgres.openSchema({ migrations: eventStorePostgresMigrations });
 *         // ... use database.pool
 *     });
 * });
 */
export async function postgresForTests(testFileUrl: string): Promise<PostgresForTests> {
    const testFile = fileURLToPath(testFileUrl);
    const server = process.env['DOLITTLE_TEST_POSTGRES'] ?? defaultServer;
    const databaseName = `test_${basename(testFile).replace(/\..*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
    const created = await createDatabase(server, databaseName);
    if (created !== true) {
        if (process.env['CI'] === 'true') {
            throw new Error(`PostgreSQL at ${redacted(server)} is unreachable, so ${testFile} cannot run on CI: ${created.message}`, { cause: created });
        }
        console.warn(banner(`PostgreSQL at ${redacted(server)} is unreachable (${created.message}): SKIPPING the PostgreSQL tests in ${testFile}`));
        return { available: false, connectionString: '', openSchema: () => Promise.reject(new Error('PostgreSQL is not available')) };
    }
    const url = new URL(server);
    url.pathname = `/${databaseName}`;
    const connectionString = url.toString();
    const opened: PostgresDatabase[] = [];
    afterAll(async () => {
        await Promise.all(opened.map((database) => database.close().catch(() => undefined)));
        await withAdministration(server, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName)} WITH (FORCE)`));
    });
    return {
        available: true,
        connectionString,
        openSchema: async ({ migrations, schema, maximumConnections }) => {
            const database = await openPostgresDatabase({
                connectionString,
                schema: schema ?? `tenant_${randomBytes(6).toString('hex')}`,
                maximumConnections: maximumConnections ?? 5,
                migrations,
            });
            opened.push(database);
            return database;
        },
    };
}

async function createDatabase(server: string, name: string): Promise<true | Error> {
    try {
        await withAdministration(server, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0`));
        return true;
    } catch (error) {
        const message = error instanceof Error && error.message !== '' ? error.message : String((error as { code?: unknown }).code ?? error);
        return new Error(message, { cause: error });
    }
}

async function withAdministration(server: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
    const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
        await work(client);
    } finally {
        await client.end();
    }
}

function redacted(server: string): string {
    try {
        const url = new URL(server);
        url.password = url.password === '' ? '' : '***';
        return url.toString();
    } catch {
        return '(the server in DOLITTLE_TEST_POSTGRES)';
    }
}

function banner(message: string): string {
    const line = '!'.repeat(100);
    return `\n${line}\n!!! ${message}\n${line}\n`;
}
