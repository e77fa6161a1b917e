import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { TenantId } from '../tenancy/index.js';
import type { TenantResourcesEntry } from './files/resourcesFile.js';
import { commandLineOptionsForTests } from './given/commandLineOptionsForTests.js';
import { resolveTenantResources } from './resolveTenantResources.js';

const other = TenantId.from('2f3e4d5c-1a6f-40d7-b2fc-796dba92dc44');
const stranger = '99999999-0000-0000-0000-000000000000' as Guid;
const options = commandLineOptionsForTests({ dataFolder: '/data' });
const entries = (list: ReadonlyArray<[Guid, TenantResourcesEntry]>) => new Map(list);

describe('when giving every tenant its event store', () => {
    describe('and resources.json does not exist', () => {
        const resolved = resolveTenantResources('/config/resources.json', [TenantId.development, other], new Map(), options, false);
        it('gives the development tenant event_store', () => {
            expect(resolved.resources.get(TenantId.development)?.eventStore).toMatchObject({ kind: 'embedded', file: '/data/event_store.sqlite' });
        });
        it('gives other tenants event_store_ and their first 8 digits', () => {
            expect(resolved.resources.get(other)?.eventStore).toMatchObject({ kind: 'embedded', file: '/data/event_store_2f3e4d5c.sqlite' });
        });
        it('warns about nothing more than the missing file does', () => expect(resolved.warnings).toEqual([]));
    });

    describe('and a tenant has no entry in an existing resources.json', () => {
        const resolved = resolveTenantResources('/config/resources.json', [TenantId.development, other],
            entries([[TenantId.development, { pointer: '/x', eventStore: { form: 'embedded', database: 'dev' } }]]), options, true);
        it('gives it the default database', () => expect(resolved.resources.get(other)?.eventStore).toMatchObject({ database: 'event_store_2f3e4d5c' }));
        it('warns about it', () => expect(resolved.warnings).toEqual([`Tenant ${other} has no eventStore in /config/resources.json: it uses the default database 'event_store_2f3e4d5c'`]));
    });

    describe('and resources.json has an entry for a tenant that is not in tenants.json', () => {
        const resolved = resolveTenantResources('/config/resources.json', [TenantId.development],
            entries([[stranger, { pointer: `/${stranger}/eventStore`, eventStore: { form: 'embedded', database: 'x' } }]]), options, true);
        it('ignores the entry', () => expect([...resolved.resources.keys()]).toEqual([TenantId.development]));
        it('warns about it', () => expect(resolved.warnings).toContain(`/config/resources.json has an entry at /${stranger}/eventStore for tenant ${stranger}, which is not in tenants.json: it is ignored`));
        it('is no problem', () => expect(resolved.problems).toEqual([]));
    });

    describe("and a tenant's database is the default of another", () => {
        it('reports the shared store', () => {
            const resolved = resolveTenantResources('/config/resources.json', [TenantId.development, other],
                entries([[other, { pointer: `/${other}/eventStore`, eventStore: { form: 'mongo', database: 'event_store', maxConnectionPoolSize: 1 } }]]), options, true);
            expect(resolved.problems).toMatchObject([{ pointer: `/${other}/eventStore`, found: expect.stringContaining(TenantId.development) }]);
        });
    });

    describe('and a MongoDB-shaped database cannot be a PostgreSQL schema', () => {
        it('reports it at the entry', () => {
            const resolved = resolveTenantResources('/config/resources.json', [other],
                entries([[other, { pointer: `/${other}/eventStore`, eventStore: { form: 'mongo', database: '9lives', maxConnectionPoolSize: 1 } }]]),
                commandLineOptionsForTests({ store: 'postgres' }), true);
            expect(resolved.problems).toMatchObject([{ file: '/config/resources.json', pointer: `/${other}/eventStore` }]);
        });
    });
});
