import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openPostgresDatabase } from '../openPostgresDatabase.js';
import type { PostgresDatabase } from '../PostgresDatabase.js';
import type { PostgresMigration } from '../PostgresMigration.js';
import { decideAboutPostgres } from './decideAboutPostgres.js';

/** The server tests use unless DOLITTLE_TEST_POSTGRES names another (trust authentication, no password). */
const defaultServer = 'postgres://postgres@127.0.0.1:5432/postgres';

/** What a test file gets: whether PostgreSQL is there, and fresh schemas in the file's own database. */
export type PostgresForTests = {
    /**
     * False when the server could not be reached outside CI: the file's PostgreSQL cases stay listed and skip
     * (`describe.skipIf(!postgres.available)`), so the runner counts them as skipped.
     */
    readonly available: boolean;
    /** The connection string of the file's own database (created for it, dropped after it). */
    readonly connectionString: string;
    /** Opens a schema (a fresh random one unless named) in the file's database; it is closed after the file. */
    openSchema(options: { readonly migrations: ReadonlyArray<PostgresMigration>; readonly schema?: string; readonly maximumConnections?: number }): Promise<PostgresDatabase>;
};

/**
 * The one place that decides about PostgreSQL in tests: creates a database for the test file and drops it after
 * the file. Only a server that cannot be reached lets the PostgreSQL cases skip, and only outside CI (CI=true):
 * see decideAboutPostgres. Any other error (authentication, rights, creating the database) fails the file.
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
    const decision = decideAboutPostgres(await createDatabase(server, databaseName), {
        testFile,
        server: redacted(server),
        onContinuousIntegration: process.env['CI'] === 'true',
    });
    if (!decision.run) {
        console.warn(banner(`${decision.reason}: the PostgreSQL cases in ${testFile} are SKIPPED`));
        return { available: false, connectionString: '', openSchema: () => Promise.reject(new Error(decision.reason)) };
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

/** Creates the test file's database; resolves with the error when that fails, undefined when it worked. */
async function createDatabase(server: string, name: string): Promise<unknown> {
    try {
        await withAdministration(server, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} ENCODING 'UTF8' TEMPLATE template0`));
        return undefined;
    } catch (error) {
        return error;
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
