import { describe, expect, it } from 'vitest';
import { eventStoreResourceFor } from './eventStoreResourceFor.js';
import { commandLineOptionsForTests } from './given/commandLineOptionsForTests.js';

const embeddedOptions = commandLineOptionsForTests({ store: 'embedded', dataFolder: '/data' });
const postgresOptions = commandLineOptionsForTests({ store: 'postgres', postgresConnectionString: 'postgres://server/db' });

describe('when mapping an eventStore entry onto a store', () => {
    describe('and it has the MongoDB shape and the store is embedded', () => {
        it('uses the file <data>/<database>.sqlite', () => {
            expect(eventStoreResourceFor({ form: 'mongo', database: 'event_store', maxConnectionPoolSize: 1000 }, embeddedOptions))
                .toEqual({ mapped: true, resource: { kind: 'embedded', file: '/data/event_store.sqlite', database: 'event_store' } });
        });
    });

    describe('and it has the MongoDB shape and the store is postgres', () => {
        it('uses the lower-cased schema with dashes turned into underscores on the --postgres server', () => {
            expect(eventStoreResourceFor({ form: 'mongo', database: 'Event-Store', maxConnectionPoolSize: 1000 }, postgresOptions))
                .toEqual({ mapped: true, resource: { kind: 'postgres', connectionString: 'postgres://server/db', schema: 'event_store', maximumConnections: 20 } });
        });
        it('opens no more connections than the pool size when it is below 20', () => {
            const mapping = eventStoreResourceFor({ form: 'mongo', database: 'x', maxConnectionPoolSize: 5 }, postgresOptions);
            expect(mapping.mapped && mapping.resource.kind === 'postgres' ? mapping.resource.maximumConnections : undefined).toBe(5);
        });
        it('refuses a database name that starts with a digit', () => {
            expect(eventStoreResourceFor({ form: 'mongo', database: '1st', maxConnectionPoolSize: 1 }, postgresOptions)).toMatchObject({ mapped: false, found: expect.stringContaining('"1st"') });
        });
        it('refuses a database name that starts with pg_', () => {
            expect(eventStoreResourceFor({ form: 'mongo', database: 'PG_x', maxConnectionPoolSize: 1 }, postgresOptions)).toMatchObject({ mapped: false });
        });
    });

    describe('and it has the postgres form', () => {
        it('keeps its own server whatever the store', () => {
            expect(eventStoreResourceFor({ form: 'postgres', connectionString: 'postgres://own/db', schema: 's', maximumConnections: 3 }, embeddedOptions))
                .toEqual({ mapped: true, resource: { kind: 'postgres', connectionString: 'postgres://own/db', schema: 's', maximumConnections: 3 } });
        });
        it('uses the --postgres server when it has none', () => {
            const mapping = eventStoreResourceFor({ form: 'postgres', connectionString: undefined, schema: 's', maximumConnections: 3 }, postgresOptions);
            expect(mapping).toMatchObject({ resource: { connectionString: 'postgres://server/db' } });
        });
    });

    describe('and it has the embedded form', () => {
        it('uses a file in the data folder whatever the store', () => {
            expect(eventStoreResourceFor({ form: 'embedded', database: 'kitchen' }, postgresOptions))
                .toEqual({ mapped: true, resource: { kind: 'embedded', file: '/data/kitchen.sqlite', database: 'kitchen' } });
        });
    });
});
