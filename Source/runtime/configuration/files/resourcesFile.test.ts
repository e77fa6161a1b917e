import { describe, expect, it } from 'vitest';
import { interpretForTests } from '../given/interpretForTests.js';
import { resourcesFile } from './resourcesFile.js';

const tenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44';
const read = (eventStore: unknown) => interpretForTests(resourcesFile, { [tenant]: { eventStore } });

describe('when reading resources.json', () => {
    describe('and an event store has the MongoDB shape', () => {
        it('reads the database and pool size', () => {
            expect(read({ servers: ['localhost'], database: 'event_store', maxConnectionPoolSize: 50 }).value?.get(tenant as never))
                .toEqual({ pointer: `/${tenant}/eventStore`, eventStore: { form: 'mongo', database: 'event_store', maxConnectionPoolSize: 50 } });
        });
        it('uses a pool size of 1000 when none is given', () => {
            expect(read({ database: 'event_store' }).value?.get(tenant as never)?.eventStore).toMatchObject({ maxConnectionPoolSize: 1000 });
        });
        it('reads capitalised names', () => {
            const value = interpretForTests(resourcesFile, { [tenant]: { EventStore: { Servers: [], Database: 'db', MaxConnectionPoolSize: 5 } } }).value;
            expect(value?.get(tenant as never)).toEqual({ pointer: `/${tenant}/EventStore`, eventStore: { form: 'mongo', database: 'db', maxConnectionPoolSize: 5 } });
        });
        it('reports a missing database', () => {
            expect(read({ servers: ['localhost'] }).problems).toMatchObject([{ pointer: `/${tenant}/eventStore/database`, found: 'nothing' }]);
        });
        it('reports a database name that is not safe', () => {
            expect(read({ database: '../etc' }).problems).toMatchObject([{
                pointer: `/${tenant}/eventStore/database`,
                found: '"../etc"',
                expected: 'a database name of 1 to 63 letters, digits, underscores and dashes',
            }]);
        });
        it('reports a pool size below 1', () => {
            expect(read({ database: 'db', maxConnectionPoolSize: 0 }).problems).toMatchObject([{ pointer: `/${tenant}/eventStore/maxConnectionPoolSize`, found: '0' }]);
        });
    });

    describe('and an event store has the postgres form', () => {
        it('reads it, with 10 connections when none are given', () => {
            expect(read({ postgres: { connectionString: 'postgres://db/x', schema: 'kitchen' } }).value?.get(tenant as never)?.eventStore)
                .toEqual({ form: 'postgres', connectionString: 'postgres://db/x', schema: 'kitchen', maximumConnections: 10 });
        });
        it('leaves the connection string to the --postgres server when none is given', () => {
            expect(read({ Postgres: { Schema: 'kitchen', MaximumConnections: 3 } }).value?.get(tenant as never)?.eventStore)
                .toEqual({ form: 'postgres', connectionString: undefined, schema: 'kitchen', maximumConnections: 3 });
        });
        it('reports a schema name with capitals', () => {
            expect(read({ postgres: { schema: 'Kitchen' } }).problems).toMatchObject([{ pointer: `/${tenant}/eventStore/postgres/schema`, found: '"Kitchen"' }]);
        });
        it('reports a schema name starting with pg_', () => expect(read({ postgres: { schema: 'pg_kitchen' } }).problems).toHaveLength(1));
        it('reports a schema name longer than 63 characters', () => expect(read({ postgres: { schema: 'k'.repeat(64) } }).problems).toHaveLength(1));
        it('reports a connection string that is not a postgres URL without showing it', () => {
            expect(read({ postgres: { schema: 'k', connectionString: 'mysql://root:hunter2@db' } }).problems).toEqual([{
                file: '/config/resources.json',
                pointer: `/${tenant}/eventStore/postgres/connectionString`,
                found: 'a text that is not shown (it may hold a secret)',
                expected: 'a postgres:// or postgresql:// URL (defaults to the --postgres server)',
            }]);
        });
        it('reports MongoDB properties mixed in', () => {
            expect(read({ postgres: { schema: 'k' }, database: 'x' }).problems).toMatchObject([{ pointer: `/${tenant}/eventStore/database`, expected: 'only the properties "postgres"' }]);
        });
    });

    describe('and an event store has the embedded form', () => {
        it('reads the database', () => {
            expect(read({ Embedded: { database: 'kitchen-1' } }).value?.get(tenant as never)?.eventStore).toEqual({ form: 'embedded', database: 'kitchen-1' });
        });
        it('reports a database name with a slash', () => {
            expect(read({ embedded: { database: 'a/b' } }).problems).toMatchObject([{ pointer: `/${tenant}/eventStore/embedded/database`, found: '"a/b"' }]);
        });
    });

    describe('and a tenant has projections and embeddings', () => {
        it('accepts them and reads only the event store', () => {
            const store = { servers: ['localhost'], database: 'x', maxConnectionPoolSize: 1000 };
            const value = interpretForTests(resourcesFile, { [tenant]: { eventStore: store, projections: { ...store, database: 'p' }, embeddings: { ...store, database: 'e' } } }).value;
            expect(value?.get(tenant as never)?.eventStore).toMatchObject({ database: 'x' });
        });
    });

    describe('and a tenant has no event store', () => {
        it('reads the tenant without one, pointing at its entry', () => {
            expect(interpretForTests(resourcesFile, { [tenant]: {} }).value?.get(tenant as never)).toEqual({ pointer: `/${tenant}`, eventStore: undefined });
        });
    });

    describe('and a tenant has resources this Runtime does not use', () => {
        it('lists them in the user\'s spelling', () => {
            const store = { servers: ['localhost'], database: 'x' };
            expect(interpretForTests(resourcesFile, { [tenant]: { Projections: store, embeddings: store } }).value?.get(tenant as never)?.unused)
                .toEqual([`/${tenant}/Projections`, `/${tenant}/embeddings`]);
        });
    });

    describe('and a tenant has an unknown resource', () => {
        it('reports it', () => {
            expect(interpretForTests(resourcesFile, { [tenant]: { readModels: {} } }).problems)
                .toMatchObject([{ pointer: `/${tenant}/readModels`, expected: 'only the properties "eventStore", "projections", "embeddings"' }]);
        });
    });
});
