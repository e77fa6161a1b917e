import { beforeAll, describe, expect, it } from 'vitest';
import { postgresForTests } from './given/postgresForTests.js';
import { openPostgresDatabase } from './openPostgresDatabase.js';
import type { PostgresDatabase } from './PostgresDatabase.js';
import type { PostgresMigration } from './PostgresMigration.js';
import { PostgresSchemaCouldNotBeOpened } from './PostgresSchemaCouldNotBeOpened.js';

const postgres = await postgresForTests(import.meta.url);

const dishes: PostgresMigration = { name: 'kitchen.1.dishes', sql: 'CREATE TABLE dishes (name text PRIMARY KEY)' };
const chefs: PostgresMigration = { name: 'kitchen.2.chefs', sql: 'CREATE TABLE chefs (name text PRIMARY KEY); INSERT INTO chefs VALUES (\'Mrs. Tex Mex\')' };
const broken: PostgresMigration = { name: 'kitchen.3.broken', sql: 'CREATE TABLE orders (id int); SELECT * FROM no_such_table' };

async function appliedMigrations(database: PostgresDatabase): Promise<string[]> {
    const result = await database.pool.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY applied, name');
    return result.rows.map((row) => row.name);
}

async function tablesIn(database: PostgresDatabase): Promise<string[]> {
    const result = await database.pool.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [database.schema]);
    return result.rows.map((row) => row.name);
}

async function refusal(opening: Promise<unknown>): Promise<unknown> {
    return opening.then(() => undefined, (error: unknown) => error);
}

describe.skipIf(!postgres.available)('when opening a PostgreSQL schema', () => {
    describe('and the schema does not exist yet', () => {
        let database: PostgresDatabase;
        beforeAll(async () => {
            database = await postgres.openSchema({ migrations: [dishes, chefs] });
        });
        it('creates the schema with the migrations\' tables', async () => {
            expect(await tablesIn(database)).toEqual(['chefs', 'dishes', 'schema_migrations']);
        });
        it('records every migration as applied', async () => {
            expect(await appliedMigrations(database)).toEqual(['kitchen.1.dishes', 'kitchen.2.chefs']);
        });
        it('gives connections that find the schema\'s tables by unqualified name', async () => {
            const result = await database.pool.query<{ name: string }>('SELECT name FROM chefs');
            expect(result.rows).toEqual([{ name: 'Mrs. Tex Mex' }]);
        });
    });

    describe('and it was opened before with fewer migrations', () => {
        let database: PostgresDatabase;
        beforeAll(async () => {
            const first = await postgres.openSchema({ migrations: [dishes] });
            await first.pool.query("INSERT INTO dishes VALUES ('Bean Blaster Taco')");
            database = await postgres.openSchema({ migrations: [dishes, chefs], schema: first.schema });
        });
        it('applies only the new migrations', async () => {
            expect(await appliedMigrations(database)).toEqual(['kitchen.1.dishes', 'kitchen.2.chefs']);
        });
        it('keeps what the tables held', async () => {
            expect((await database.pool.query('SELECT name FROM dishes')).rows).toEqual([{ name: 'Bean Blaster Taco' }]);
        });
    });

    describe('and several Runtimes open the same new schema at once', () => {
        let opened: ReadonlyArray<PostgresDatabase>;
        beforeAll(async () => {
            opened = await Promise.all(Array.from({ length: 6 }, () => postgres.openSchema({ migrations: [dishes, chefs], schema: 'shared kitchen' })));
        });
        it('applies each migration once', async () => {
            expect(await appliedMigrations(opened[0]!)).toEqual(['kitchen.1.dishes', 'kitchen.2.chefs']);
        });
        it('opens every one of them', () => {
            expect(opened.map((database) => database.schema)).toEqual(Array.from({ length: 6 }, () => 'shared kitchen'));
        });
    });

    describe('and the schema name needs quoting', () => {
        const schema = 'Tenant "Ø" \\ with spaces';
        let database: PostgresDatabase;
        beforeAll(async () => {
            database = await postgres.openSchema({ migrations: [dishes], schema });
        });
        it('creates the tables in that schema', async () => {
            expect(await tablesIn(database)).toEqual(['dishes', 'schema_migrations']);
        });
        it('gives connections whose current schema is that schema', async () => {
            expect((await database.pool.query('SELECT current_schema() AS schema')).rows).toEqual([{ schema }]);
        });
    });

    describe('and the connection string sets options of its own', () => {
        let database: PostgresDatabase;
        beforeAll(async () => {
            const url = new URL(postgres.connectionString);
            url.searchParams.set('options', '-c statement_timeout=12345');
            database = await openPostgresDatabase({ connectionString: url.toString(), schema: 'with_options', maximumConnections: 1, migrations: [dishes] });
        });
        it('keeps those options', async () => {
            const result = await database.pool.query<{ statement_timeout: string }>('SHOW statement_timeout');
            await database.close();
            expect(result.rows[0]?.statement_timeout).toBe('12345ms');
        });
    });

    describe('and a migration fails', () => {
        let error: unknown;
        let database: PostgresDatabase;
        beforeAll(async () => {
            error = await refusal(postgres.openSchema({ migrations: [dishes, broken], schema: 'broken_kitchen' }));
            database = await postgres.openSchema({ migrations: [dishes], schema: 'broken_kitchen' });
        });
        it('fails naming the schema and the migration', () => {
            expect(error).toBeInstanceOf(PostgresSchemaCouldNotBeOpened);
            expect((error as Error).message).toMatch(/schema 'broken_kitchen' while applying migration 'kitchen.3.broken': relation "no_such_table" does not exist/);
        });
        it('keeps the migrations before it', async () => {
            expect(await appliedMigrations(database)).toEqual(['kitchen.1.dishes']);
        });
        it('leaves nothing of the failed migration behind', async () => {
            expect(await tablesIn(database)).toEqual(['dishes', 'schema_migrations']);
        });
    });
});

describe('when opening a PostgreSQL schema on a server that cannot be reached', () => {
    let error: unknown;
    beforeAll(async () => {
        error = await refusal(
            openPostgresDatabase({ connectionString: 'postgres://chef:very-secret-password@127.0.0.1:1/kitchen', schema: 'tenant_one', maximumConnections: 1, migrations: [dishes] }),
        );
    });
    it('fails naming the schema', () => {
        expect((error as Error).message).toMatch(/^Could not open PostgreSQL schema 'tenant_one': could not connect to the server: .*ECONNREFUSED/);
    });
    it('does not reveal the connection string', () => {
        expect((error as Error).message).not.toMatch(/very-secret-password|chef/);
    });
});

describe('when opening a PostgreSQL schema whose name is longer than PostgreSQL keeps', () => {
    it('fails naming the schema', async () => {
        const schema = 'tenant_'.repeat(10);
        const error = await refusal(openPostgresDatabase({ connectionString: 'postgres://127.0.0.1:1/kitchen', schema, maximumConnections: 1, migrations: [] }));
        expect((error as Error).message).toBe(`Could not open PostgreSQL schema '${schema}': a schema name must have 1 to 63 bytes`);
    });
});

describe.skipIf(!postgres.available)('when the server ends a connection while a transaction holds it', () => {
    let outcome: { readonly failed: string; readonly uncaught: ReadonlyArray<string>; readonly poolStillAnswers: unknown };
    beforeAll(async () => {
        const database = await postgres.openSchema({ migrations: [dishes] });
        const uncaught: string[] = [];
        let noticeUncaught = (): void => undefined;
        const onUncaught = (error: Error) => {
            uncaught.push(error.message);
            noticeUncaught();
        };
        process.on('uncaughtException', onUncaught);
        try {
            const client = await database.pool.connect();
            await client.query('BEGIN');
            const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
            // The connection's end, or the error that escaped instead (the client never reports its end then).
            const ended = new Promise<void>((resolve) => {
                client.once('end', () => resolve());
                noticeUncaught = resolve;
            });
            // As a server crash or an administrator does: the connection ends while the pool has lent it out, between
            // two queries of its transaction.
            await database.pool.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
            await ended;
            const failed = await client.query('SELECT 1').then(() => 'no failure', (error: Error) => error.message);
            client.release(true);
            await new Promise((resolve) => setImmediate(resolve));
            const poolStillAnswers = (await database.pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one;
            outcome = { failed, uncaught, poolStillAnswers };
        } finally {
            process.off('uncaughtException', onUncaught);
        }
    });
    it('fails the transaction\'s next query, ends nothing else and keeps the pool answering', () => {
        expect(outcome).toEqual({ failed: expect.stringMatching(/not queryable|terminat/i), uncaught: [], poolStillAnswers: 1 });
    });
});
