import { describe, expect, it } from 'vitest';
import { inspectJsonStructure, maximumConfigurationNesting } from './inspectJsonStructure.js';

describe('when inspecting the structure of a JSON text', () => {
    describe('and an object has a property twice', () => {
        const structure = inspectJsonStructure('{\n    "a": 1,\n    "a": 2\n}');

        it('names the property, its pointer and the place of the second one', () => {
            expect(structure.duplicateKeys).toEqual([{ key: 'a', pointer: '/a', line: 3, column: 5 }]);
        });
    });

    describe('and a nested object has a tenant id twice, once escaped', () => {
        const tenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44';
        const structure = inspectJsonStructure(`{"x":[{"${tenant}":{},"\\u0034${tenant.slice(1)}":{"a~/b":[]}}]}`);

        it('finds the duplicate under its escaped pointer', () => {
            expect(structure.duplicateKeys.map((duplicate) => duplicate.pointer)).toEqual([`/x/0/${tenant}`]);
        });
    });

    describe('and the same names appear in different objects, in arrays and inside text', () => {
        const structure = inspectJsonStructure('{"a":{"a":1,"b":"\\"a\\":"},"b":[{"a":1},{"a":2}],"c":"{\\"a\\":1,\\"a\\":2}"}');

        it('finds no duplicates', () => {
            expect(structure).toEqual({ tooDeep: undefined, duplicateKeys: [] });
        });
    });

    describe('and names differ only in letter case', () => {
        it('leaves them to the case-insensitive matching of property names', () => {
            expect(inspectJsonStructure('{"Port":1,"port":2}').duplicateKeys).toEqual([]);
        });
    });

    describe(`and arrays nest ${maximumConfigurationNesting} deep`, () => {
        it('accepts them', () => {
            const text = '['.repeat(maximumConfigurationNesting) + ']'.repeat(maximumConfigurationNesting);
            expect(inspectJsonStructure(text).tooDeep).toBeUndefined();
        });
    });

    describe('and 100,000 arrays nest in one another', () => {
        const text = '['.repeat(100_000) + ']'.repeat(100_000);

        it('stops at the first level too deep, with its pointer and place', () => {
            expect(inspectJsonStructure(text).tooDeep).toEqual({ pointer: '/0'.repeat(maximumConfigurationNesting), line: 1, column: maximumConfigurationNesting + 1 });
        });
    });

    describe('and deep nesting is not even valid JSON', () => {
        it('still finds it, without overflowing the stack', () => {
            expect(inspectJsonStructure('{"a":' + '{"b":'.repeat(100_000)).tooDeep?.pointer).toBe('/a' + '/b'.repeat(maximumConfigurationNesting - 1));
        });
    });
});
