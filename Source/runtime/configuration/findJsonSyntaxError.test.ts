import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './findJsonSyntaxError.js';

describe('when looking for a JSON syntax error', () => {
    describe('and the text is valid JSON', () => {
        it('finds none', () => {
            expect(findJsonSyntaxError('{ "a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {} }\n')).toBeUndefined();
        });
    });

    describe('and an object has a trailing comma', () => {
        it('points at the closing brace on its line and column', () => {
            expect(findJsonSyntaxError('{\n  "a": 1,\n}')).toEqual({ line: 3, column: 1, found: "'}'", expected: 'a property name in double quotes' });
        });
    });

    describe('and a property name is not quoted', () => {
        it('shows the bare word', () => {
            expect(findJsonSyntaxError('{ port: 1 }')).toMatchObject({ line: 1, column: 3, found: "'port'" });
        });
    });

    describe('and a colon is missing', () => {
        it('expects the colon', () => expect(findJsonSyntaxError('{ "a" 1 }')).toMatchObject({ column: 7, expected: "':' after the property name" }));
    });

    describe('and a comma is missing between array items', () => {
        it("expects ',' or ']'", () => expect(findJsonSyntaxError('[1 2]')).toMatchObject({ column: 4, expected: "',' or ']'" }));
    });

    describe('and the file ends early', () => {
        it('says it found the end of the file', () => expect(findJsonSyntaxError('{ "a": ')).toMatchObject({ found: 'the end of the file' }));
    });

    describe('and the file is empty', () => {
        it('expects a value', () => expect(findJsonSyntaxError('')).toMatchObject({ line: 1, column: 1, found: 'the end of the file' }));
    });

    describe('and a text has a line break inside', () => {
        it('refuses the line break', () => expect(findJsonSyntaxError('{ "a": "x\ny" }')).toMatchObject({ line: 1, column: 10, found: 'a line break' }));
    });

    describe('and a text has an unknown escape', () => {
        it('points at the escaped character', () => expect(findJsonSyntaxError('"\\q"')).toMatchObject({ column: 3, found: "'q'" }));
    });

    describe('and something follows the value', () => {
        it('expects the end of the file', () => expect(findJsonSyntaxError('{} {}')).toMatchObject({ column: 4, expected: 'the end of the file' }));
    });

    describe('and the text has a single-quoted string', () => {
        it('shows only the quote, not the text around it', () => {
            expect(findJsonSyntaxError("{ \"connectionString\": 'postgres://u:secret@db' }")).toMatchObject({ found: "'''" });
        });
    });
});
