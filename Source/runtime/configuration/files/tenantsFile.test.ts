import { describe, expect, it } from 'vitest';
import { interpretForTests } from '../given/interpretForTests.js';
import { tenantsFile } from './tenantsFile.js';

describe('when reading tenants.json', () => {
    describe('and it lists tenants', () => {
        it('gives the tenant ids lowercased, in the file order', () => {
            const read = interpretForTests(tenantsFile, { 'B0000000-0000-0000-0000-000000000001': {}, '445f8ea8-1a6f-40d7-b2fc-796dba92dc44': {} });
            expect(read.value).toEqual(['b0000000-0000-0000-0000-000000000001', '445f8ea8-1a6f-40d7-b2fc-796dba92dc44']);
        });
    });

    describe('and a tenant id is not a GUID', () => {
        it('reports the property name with a pointer to it', () => {
            expect(interpretForTests(tenantsFile, { kitchen: {} }).problems).toEqual([{
                file: '/config/tenants.json',
                pointer: '/kitchen',
                found: 'the property name "kitchen"',
                expected: 'a tenant id: a GUID such as 445f8ea8-1a6f-40d7-b2fc-796dba92dc44',
            }]);
        });
    });

    describe('and a tenant is not an object', () => {
        it('reports the value', () => {
            expect(interpretForTests(tenantsFile, { '445f8ea8-1a6f-40d7-b2fc-796dba92dc44': true }).problems)
                .toMatchObject([{ pointer: '/445f8ea8-1a6f-40d7-b2fc-796dba92dc44', found: 'true', expected: 'an object' }]);
        });
    });

    describe('and it has no tenant', () => {
        it('reports the empty file', () => {
            expect(interpretForTests(tenantsFile, {}).problems).toMatchObject([{ pointer: '', found: 'an empty object', expected: 'an object with at least 1 property' }]);
        });
    });

    describe('and it is not an object', () => {
        it('reports the whole file', () => expect(interpretForTests(tenantsFile, []).problems).toMatchObject([{ pointer: '', expected: 'an object' }]));
    });

    describe('and a tenant is written twice in different letter case', () => {
        it('reports the second', () => {
            const read = interpretForTests(tenantsFile, { 'b0000000-0000-0000-0000-00000000000a': {}, 'B0000000-0000-0000-0000-00000000000A': {} });
            expect(read.problems).toMatchObject([{ pointer: '/B0000000-0000-0000-0000-00000000000A', expected: 'each id once (ids match ignoring letter case)' }]);
        });
    });
});
