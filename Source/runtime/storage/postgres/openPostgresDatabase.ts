import pg from 'pg';
import type { Logger } from '../../logging/index.js';
import { connectionWithSearchPath } from './connectionWithSearchPath.js';
import { postgresLogMessages } from './logMessages.js';
import { migratePostgresSchema } from './migratePostgresSchema.js';
import type { PostgresDatabase } from './PostgresDatabase.js';
import type { PostgresMigration } from './PostgresMigration.js';
import { PostgresSchemaCouldNotBeOpened } from './PostgresSchemaCouldNotBeOpened.js';

/** Where and how to open a tenant's PostgreSQL schema. */
export type PostgresDatabaseOptions = {
    /** The server and database to connect to (a secret: it may hold a password, so it is never logged). */
    readonly connectionString: string;
    /** The schema that holds only this tenant's tables; created if missing. */
    readonly schema: string;
    /** The most connections the pool opens. */
    readonly maximumConnections: number;
    /** Every migration of every feature that keeps tables in the schema, in the order to apply them. */
    readonly migrations: ReadonlyArray<PostgresMigration>;
    /** Where the pool reports applied migrations and failed idle connections. */
    readonly logger?: Logger;
};

/** The longest identifier PostgreSQL keeps; longer ones are cut silently, which could make two schemas one. */
const maximumIdentifierBytes = 63;
/** How long a query waits for a free connection before it fails as unavailable. */
const connectionTimeoutMilliseconds = 30_000;

/**
 * Opens a pool whose connections use the given schema (search_path), creates the schema if it is missing and
 * applies the migrations it has not had yet. Fails with PostgresSchemaCouldNotBeOpened.
 */
export async function openPostgresDatabase(options: PostgresDatabaseOptions): Promise<PostgresDatabase> {
    const { schema } = options;
    if (schema.length === 0 || Buffer.byteLength(schema) > maximumIdentifierBytes) {
        throw new PostgresSchemaCouldNotBeOpened(schema, { problem: `a schema name must have 1 to ${maximumIdentifierBytes} bytes` });
    }
    const connection = connectionWithSearchPath(options.connectionString, schema);
    const pool = new pg.Pool({
        connectionString: connection.connectionString,
        options: connection.options,
        max: options.maximumConnections,
        connectionTimeoutMillis: connectionTimeoutMilliseconds,
        application_name: 'dolittle-runtime',
    });
    // An idle connection that breaks is emitted on the pool; unhandled, it would end the process.
    pool.on('error', (error) => options.logger?.log(postgresLogMessages.idleConnectionFailed, { schema, error: error.message }));
    // A connection lent out (a transaction's) has no listener of the pool's: when the server ends it between two
    // queries (a crash, a restart), its error would end the process. The queries of that connection fail with it, and
    // the code that holds it reports that; here it only must not escape.
    pool.on('connect', (client) => client.on('error', () => undefined));
    try {
        const client = await connect(pool, schema);
        try {
            await migratePostgresSchema(client, schema, options.migrations, options.logger);
            await verifySearchPath(client, schema);
        } finally {
            client.release();
        }
    } catch (error) {
        await pool.end().catch(() => undefined);
        if (error instanceof PostgresSchemaCouldNotBeOpened) {
            throw error;
        }
        throw new PostgresSchemaCouldNotBeOpened(schema, { problem: describe(error) }, { cause: error });
    }
    return { pool, schema, close: () => pool.end() };
}

async function connect(pool: pg.Pool, schema: string): Promise<pg.PoolClient> {
    try {
        return await pool.connect();
    } catch (error) {
        throw new PostgresSchemaCouldNotBeOpened(schema, { problem: `could not connect to the server: ${describe(error)}` }, { cause: error });
    }
}

async function verifySearchPath(client: pg.PoolClient, schema: string): Promise<void> {
    const result = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    const current = result.rows[0]?.schema;
    if (current !== schema) {
        throw new PostgresSchemaCouldNotBeOpened(schema, { problem: `connections resolve names in schema '${current ?? '(none)'}' instead` });
    }
}

/** The driver's message, or its code when the message is empty (as for a refused connection to several addresses). */
function describe(error: unknown): string {
    if (error instanceof Error && error.message !== '') {
        return error.message;
    }
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    return code ?? String(error);
}
