import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { findSharedStores } from './findSharedStores.js';

const first = '10000000-0000-0000-0000-000000000000' as Guid;
const second = '20000000-0000-0000-0000-000000000000' as Guid;
const postgres = (connectionString: string, schema: string) => ({ kind: 'postgres' as const, connectionString, schema, maximumConnections: 1 });

describe('when looking for tenants that share an event store', () => {
    describe('and two tenants use the same file', () => {
        const problems = findSharedStores('/config/resources.json', [
            { tenant: first, resource: { kind: 'embedded', file: '/data/x.sqlite', database: 'x' }, pointer: `/${first}/eventStore` },
            { tenant: second, resource: { kind: 'embedded', file: '/data/X.sqlite', database: 'X' }, pointer: `/${second}/eventStore` },
        ]);
        it('reports the second tenant, naming both, even when the names differ in letter case', () => {
            expect(problems).toEqual([{
                file: '/config/resources.json',
                pointer: `/${second}/eventStore`,
                found: `tenant ${second} using the database file "/data/X.sqlite", which tenant ${first} also uses`,
                expected: 'an event store of its own for every tenant (tenants must stay isolated)',
            }]);
        });
    });

    describe('and two tenants use the same schema on the same database through different users', () => {
        it('reports it without showing the connection strings', () => {
            const problems = findSharedStores('/r', [
                { tenant: first, resource: postgres('postgres://a:secret1@DB:5432/events', 's'), pointer: '/1' },
                { tenant: second, resource: postgres('postgresql://b:secret2@db/events', 's'), pointer: '/2' },
            ]);
            expect(problems).toHaveLength(1);
            expect(JSON.stringify(problems)).not.toMatch(/secret/);
        });
    });

    describe('and two tenants use the same schema on different databases', () => {
        it('finds nothing', () => {
            expect(findSharedStores('/r', [
                { tenant: first, resource: postgres('postgres://db/one', 's'), pointer: '/1' },
                { tenant: second, resource: postgres('postgres://db/two', 's'), pointer: '/2' },
            ])).toEqual([]);
        });
    });

    describe('and two tenants use different schemas on the same database', () => {
        it('finds nothing', () => {
            expect(findSharedStores('/r', [
                { tenant: first, resource: postgres('postgres://db/one', 'a'), pointer: '/1' },
                { tenant: second, resource: postgres('postgres://db/one', 'b'), pointer: '/2' },
            ])).toEqual([]);
        });
    });

    describe('and the identities come from the servers themselves', () => {
        const stores = [
            { tenant: first, resource: postgres('postgres://localhost/events', 's'), pointer: '/1' },
            { tenant: second, resource: postgres('postgres://127.0.0.1/events', 's'), pointer: '/2' },
        ];

        it('reports two spellings of one server that says it is the same', () => {
            const problems = findSharedStores('/r', stores, () => 'system 7 started 1 events schema s');
            expect(problems.map((problem) => problem.found)).toEqual([
                `tenant ${second} using the PostgreSQL schema "s" on the same server, which tenant ${first} also uses`,
            ]);
        });

        it('finds nothing for servers that say they differ', () => {
            expect(findSharedStores('/r', stores, (store) => `system ${store.tenant} schema s`)).toEqual([]);
        });
    });
});
