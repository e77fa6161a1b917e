import { describe, expect, it } from 'vitest';
import { postgresErrors } from './postgresErrors.js';

function withCode(code: string, message = 'failed'): Error {
    return Object.assign(new Error(message), { code });
}

describe('when telling PostgreSQL errors apart', () => {
    describe('and a unique constraint refused a row', () => {
        it('is a unique violation', () => {
            expect(postgresErrors.isUniqueViolation(withCode('23505'))).toBe(true);
        });
        it('is not unavailability', () => {
            expect(postgresErrors.isUnavailable(withCode('23505'))).toBe(false);
        });
    });
    describe('and another constraint refused a row', () => {
        it('is not a unique violation', () => {
            expect(postgresErrors.isUniqueViolation(withCode('23503'))).toBe(false);
        });
    });
    describe('and the server cannot be reached or takes no more clients', () => {
        it.each([
            ['a refused connection', withCode('ECONNREFUSED')],
            ['a reset connection', withCode('ECONNRESET')],
            ['too many clients', withCode('53300')],
            ['a connection exception', withCode('08006')],
            ['a server shutting down', withCode('57P01')],
            ['a server starting up', withCode('57P03')],
            ['a server that crashed and ended every session', withCode('57P02')],
            ['a server out of disk space', withCode('53100')],
            ['a server that cannot read or write its files', withCode('58030')],
            ['an address that now leads to a standby', withCode('25006')],
            ['a connection the driver closed after it broke', new Error('Client was closed and is not queryable')],
            ['a lost connection', new Error('Connection terminated unexpectedly')],
            ['a pool that had no free connection in time', new Error('timeout exceeded when trying to connect')],
            ['refused connections to every address', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '')],
        ])('is unavailability for %s', (_, error) => {
            expect(postgresErrors.isUnavailable(error)).toBe(true);
        });
    });
    describe('and it came while connecting', () => {
        it.each([
            ['a refused connection', withCode('ECONNREFUSED')],
            ['a server starting up', withCode('57P03')],
            ['too many clients', withCode('53300')],
            ['a pool that had no free connection in time', new Error('timeout exceeded when trying to connect')],
            ['refused connections to every address', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '')],
        ])('is before connecting for %s: no statement reached the server', (_, error) => {
            expect(postgresErrors.isBeforeConnecting(error)).toBe(true);
        });
        it.each([
            ['a reset connection', withCode('ECONNRESET')],
            ['a lost connection', new Error('Connection terminated unexpectedly')],
            ['a server shutting down', withCode('57P01')],
            ['a server that crashed and ended every session', withCode('57P02')],
            ['a refused and a reset connection', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNRESET')], '')],
        ])('is not before connecting for %s: the server may have done the work', (_, error) => {
            expect(postgresErrors.isBeforeConnecting(error)).toBe(false);
        });
    });
    describe('and the database was dropped', () => {
        it('is not unavailability: waiting will not bring it back', () => {
            expect(postgresErrors.isUnavailable(withCode('57P04', 'terminating connection because database was dropped'))).toBe(false);
        });
    });
    describe('and the statement itself was wrong', () => {
        it('is not unavailability', () => {
            expect(postgresErrors.isUnavailable(withCode('42P01', 'relation "event_log" does not exist'))).toBe(false);
        });
    });
    describe('and something that is not an error was thrown', () => {
        it('is neither', () => {
            expect([postgresErrors.isUniqueViolation('23505'), postgresErrors.isUnavailable(undefined)]).toEqual([false, false]);
        });
    });
});
