import { describe, expect, it } from 'vitest';
import type { JsonSchema } from './JsonSchema.js';
import { normalisePropertyNames } from './normalisePropertyNames.js';

const schema: JsonSchema = {
    type: 'object',
    properties: { public: { $ref: '#/$defs/endpoint' }, list: { type: 'array', items: { $ref: '#/$defs/endpoint' } } },
    additionalProperties: {
        if: { required: ['postgres'] },
        then: { properties: { postgres: { properties: { schema: {} } } } },
        else: { properties: { database: {} } },
    },
    $defs: { endpoint: { type: 'object', properties: { port: { type: 'integer' } } } },
};

describe('when normalising property names', () => {
    describe('and names differ from the schema only in letter case', () => {
        const normalised = normalisePropertyNames({ Public: { PORT: 1 }, LIST: [{ Port: 2 }] }, schema);
        it('spells them as the schema does, through references and arrays', () => {
            expect(normalised.value).toEqual({ public: { port: 1 }, list: [{ port: 2 }] });
        });
        it('gives pointers back in the user spelling', () => {
            expect(normalised.userPointer('/public/port')).toBe('/Public/PORT');
            expect(normalised.userPointer('/list/0/port')).toBe('/LIST/0/Port');
        });
        it('gives pointers to missing properties under the user spelling of their parent', () => {
            expect(normalised.userPointer('/public/host')).toBe('/Public/host');
        });
    });

    describe('and names are not in the schema', () => {
        const normalised = normalisePropertyNames({ 'ABC-Tenant': { Database: 'x' }, Other: { Postgres: { Schema: 's' } } }, schema);
        it('keeps them as written and still normalises below them, in every conditional branch', () => {
            expect(normalised.value).toEqual({ 'ABC-Tenant': { database: 'x' }, Other: { postgres: { schema: 's' } } });
        });
    });

    describe('and a property is written twice in different letter case', () => {
        const normalised = normalisePropertyNames({ public: { Port: 1, port: 2 } }, schema);
        it('keeps the first', () => expect(normalised.value).toEqual({ public: { port: 1 } }));
        it('reports the second with its pointer and the first spelling', () => {
            expect(normalised.duplicates).toEqual([{ pointer: '/public/port', firstSpelling: 'Port' }]);
        });
    });

    describe('and a property is named __proto__', () => {
        it('keeps it as an own property', () => {
            const normalised = normalisePropertyNames(JSON.parse('{ "__proto__": { "database": "x" } }'), schema);
            expect(Object.keys(normalised.value as object)).toEqual(['__proto__']);
        });
    });
});
