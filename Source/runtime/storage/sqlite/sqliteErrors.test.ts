import { describe, expect, it } from 'vitest';
import { sqliteErrors } from './sqliteErrors.js';

function withCode(code: string, message = 'failed'): Error {
    return Object.assign(new Error(message), { code });
}

describe('when telling embedded database errors apart', () => {
    describe('and the file cannot be used now', () => {
        it.each([
            ['a write lock held by another process', withCode('SQLITE_BUSY', 'database is locked')],
            ['a lock held by a statement of another connection', withCode('SQLITE_LOCKED')],
            ['a full disk', withCode('SQLITE_FULL', 'database or disk is full')],
            ['an I/O error', withCode('SQLITE_IOERR')],
            ['an extended I/O error', withCode('SQLITE_IOERR_FSYNC')],
            ['a file that cannot be opened', withCode('SQLITE_CANTOPEN')],
        ])('is unavailability for %s', (_, error) => {
            expect(sqliteErrors.isUnavailable(error)).toBe(true);
        });
    });
    describe('and retrying will not help', () => {
        it.each([
            ['a constraint violation', withCode('SQLITE_CONSTRAINT_PRIMARYKEY')],
            ['a corrupt file', withCode('SQLITE_CORRUPT')],
            ['a statement error', withCode('SQLITE_ERROR', 'no such table: event_log')],
            ['a code that only starts like one', withCode('SQLITE_BUSYNESS')],
            ['something that is not an error', 'SQLITE_BUSY'],
        ])('is not unavailability for %s', (_, error) => {
            expect(sqliteErrors.isUnavailable(error)).toBe(false);
        });
    });
});
