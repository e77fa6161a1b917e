import { lookup } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationIsInvalid, type TenantResources } from '../configuration/index.js';
import type { Guid } from '../guids/index.js';
import pg from 'pg';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { throwAwayPostgresServer } from '../storage/postgres/given/throwAwayPostgresServer.js';
import { startInProcessHostWith } from './given/inProcessHostWith.js';
import { startRuntime } from './given/startRuntime.js';

const postgres = await postgresForTests(import.meta.url);
const throwAway = await throwAwayPostgresServer(import.meta.url);
const first = '7b1c2d3e-0000-4000-8000-000000000001' as Guid;
const second = '7b1c2d3e-0000-4000-8000-000000000002' as Guid;

/** The same server under another spelling of its address: `localhost` for 127.0.0.1 and back, or the address of a name. */
async function anotherSpellingOf(connectionString: string): Promise<string> {
    const url = new URL(connectionString);
    if (url.hostname === '127.0.0.1') {
        url.hostname = 'localhost';
    } else if (url.hostname === 'localhost') {
        url.hostname = '127.0.0.1';
    } else {
        const { address, family } = await lookup(url.hostname);
        url.hostname = family === 6 ? `[${address}]` : address;
    }
    if (url.toString() === connectionString) {
        throw new Error(`Found no second spelling of the test server's address ${url.hostname}`);
    }
    return url.toString();
}

const onSchema = (connectionString: string, schema: string): TenantResources => ({ eventStore: { kind: 'postgres', connectionString, schema, maximumConnections: 2 } });

describe.skipIf(!postgres.available)('when two tenants are configured onto PostgreSQL', () => {
    describe('and both use one schema of one database, through two spellings of the server\'s address', () => {
        let refusal: unknown;
        beforeAll(async () => {
            const alias = await anotherSpellingOf(postgres.connectionString);
            refusal = await startInProcessHostWith(() => new Map([
                [first, onSchema(postgres.connectionString, 'shared_by_alias')],
                [second, onSchema(alias, 'shared_by_alias')],
            ])).then(
                async (host) => {
                    await host.dispose();
                    return undefined;
                },
                (error: unknown) => error,
            );
        });

        it('refuses to start with a configuration error', () => {
            expect(refusal).toBeInstanceOf(ConfigurationIsInvalid);
        });

        it('names both tenants and the schema', () => {
            expect(String(refusal)).toContain(`tenant ${second} using the PostgreSQL schema "shared_by_alias" on the same server, which tenant ${first} also uses`);
        });

        it('does not show the connection strings', () => {
            expect(String(refusal)).not.toContain('postgres://');
        });
    });

    describe('and the Runtime is started as a process with them in resources.json', () => {
        it('exits with the configuration error\'s code 3 before it is ready, naming both tenants', async () => {
            const alias = await anotherSpellingOf(postgres.connectionString);
            const started = await startRuntime({
                backend: { kind: 'postgres', connectionString: postgres.connectionString },
                tenants: [first, second],
                resources: {
                    [first]: { eventStore: { postgres: { connectionString: postgres.connectionString, schema: 'shared_in_process' } } },
                    [second]: { eventStore: { postgres: { connectionString: alias, schema: 'shared_in_process' } } },
                },
            }).then(
                async (runtime) => {
                    await runtime.dispose();
                    return 'ready';
                },
                (error: unknown) => String(error),
            );
            expect(started).toMatch(/ended \(exit code 3\) before it was ready/);
            expect(started).toContain(`tenant ${second} using the PostgreSQL schema "shared_in_process" on the same server, which tenant ${first} also uses`);
        });
    });

    describe('and each uses a schema of its own on one server, through two spellings of its address', () => {
        it('starts', async () => {
            const alias = await anotherSpellingOf(postgres.connectionString);
            const host = await startInProcessHostWith(() => new Map([
                [first, onSchema(postgres.connectionString, 'own_schema_first')],
                [second, onSchema(alias, 'own_schema_second')],
            ]));
            try {
                expect(host.tenants.all.map((tenant) => tenant.id)).toEqual([first, second]);
            } finally {
                await host.dispose();
            }
        });
    });
});

describe.skipIf(!postgres.available || !throwAway.available)('when two tenants use schemas of the same name in databases of the same name on two servers', () => {
    const server = throwAway.available ? throwAway.server : undefined;
    afterAll(async () => {
        await server?.dispose();
    });

    it('starts: they are two stores', async () => {
        const database = new URL(postgres.connectionString).pathname.slice(1);
        const administration = new pg.Client({ connectionString: server!.connectionString });
        await administration.connect();
        try {
            await administration.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
        } finally {
            await administration.end();
        }
        const onTheOtherServer = new URL(server!.connectionString);
        onTheOtherServer.pathname = `/${database}`;
        const host = await startInProcessHostWith(() => new Map([
            [first, onSchema(postgres.connectionString, 'same_name')],
            [second, onSchema(onTheOtherServer.toString(), 'same_name')],
        ]));
        try {
            expect(host.tenants.all.map((tenant) => tenant.id)).toEqual([first, second]);
        } finally {
            await host.dispose();
        }
    });
});
