import { describe, expect, it } from 'vitest';
import { describeFoundValue } from './describeFoundValue.js';

describe('when describing a value found in the configuration', () => {
    it('shows texts in quotes', () => expect(describeFoundValue('abc')).toBe('"abc"'));
    it('shows numbers, booleans and null as JSON', () => expect([describeFoundValue(5), describeFoundValue(false), describeFoundValue(null)]).toEqual(['5', 'false', 'null']));
    it('says nothing was found for a missing value', () => expect(describeFoundValue(undefined)).toBe('nothing'));
    it('summarises arrays by their length', () => expect(describeFoundValue([1, 2])).toBe('an array of 2 items'));
    it('summarises objects by their property names, never their values', () => {
        expect(describeFoundValue({ connectionString: 'postgres://u:p@h', schema: 's' })).toBe('an object with the properties "connectionString", "schema"');
    });
    it('says an empty object is empty', () => expect(describeFoundValue({})).toBe('an empty object'));
    it('never shows a connection string', () => {
        expect(describeFoundValue('postgres://u:p@h/db', '/tenant/eventStore/postgres/ConnectionString')).toBe('a text that is not shown (it may hold a secret)');
    });
    it('never shows a key-value connection string anywhere', () => {
        expect(describeFoundValue('host=db password=hunter2', '/servers/0')).toBe('a text that is not shown (it may hold a secret)');
    });
    it('masks the credentials of URLs elsewhere', () => expect(describeFoundValue('mongodb://admin:hunter2@db:27017')).toBe('"mongodb://***@db:27017"'));
    it('shortens long texts', () => expect(describeFoundValue('x'.repeat(200))).toBe(`"${'x'.repeat(80)}…"`));
});
