import { describe, expect, it } from 'vitest';
import { decideAboutPostgres, PostgresIsNotUsableForTests, type PostgresDecisionContext } from './decideAboutPostgres.js';

function aSocketError(code: string, message: string): Error {
    return Object.assign(new Error(message), { code, errno: -111, syscall: 'connect' });
}

function aServerError(code: string, message: string): Error {
    return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

const refused = aSocketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432');
const unknownHost = aSocketError('ENOTFOUND', 'getaddrinfo ENOTFOUND database.invalid');
const timedOut = new Error('timeout expired');
const refusedOnEveryAddress = new AggregateError([aSocketError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'), refused]);
const startingUp = aServerError('57P03', 'the database system is starting up');
const wrongPassword = aServerError('28P01', 'password authentication failed for user "postgres"');
const noSuchRole = aServerError('28000', 'role "tester" does not exist');
const noRightToCreate = aServerError('42501', 'permission denied to create database');
const creationFailed = aServerError('XX000', 'could not write to file "base/16384/PG_VERSION"');
const droppedAfterConnecting = new Error('Connection terminated unexpectedly');
const refusedOnOneAddressOnly = new AggregateError([aSocketError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'), wrongPassword]);

const locally: PostgresDecisionContext = { testFile: '/repository/Source/x.integration.test.ts', server: 'postgres://postgres@127.0.0.1:5432/postgres', onContinuousIntegration: false };
const onCi: PostgresDecisionContext = { ...locally, onContinuousIntegration: true };

function refusal(decide: () => unknown): unknown {
    try {
        decide();
    } catch (error) {
        return error;
    }
    return undefined;
}

describe('when deciding about PostgreSQL for a test file', () => {
    describe('and the test database was created', () => {
        it('runs the PostgreSQL cases', () => {
            expect(decideAboutPostgres(undefined, onCi)).toEqual({ run: true });
        });
    });

    describe.each([
        ['the connection is refused', refused],
        ['the host is unknown', unknownHost],
        ['connecting timed out', timedOut],
        ['every address of the host refused', refusedOnEveryAddress],
        ['the server accepts no connections yet', startingUp],
    ])('and %s', (_situation, error) => {
        it('skips the PostgreSQL cases outside CI, saying why', () => {
            const decision = decideAboutPostgres(error, locally);
            expect(decision).toEqual({ run: false, reason: expect.stringContaining('cannot be reached') as unknown });
        });

        it('fails the run on CI', () => {
            const failure = refusal(() => decideAboutPostgres(error, onCi));
            expect(failure).toBeInstanceOf(PostgresIsNotUsableForTests);
            expect((failure as Error).message).toContain('CI=true');
        });
    });

    describe.each([
        ['the password is wrong', wrongPassword],
        ['the role does not exist', noSuchRole],
        ['the role may not create databases', noRightToCreate],
        ['creating the database fails', creationFailed],
        ['the connection dropped after it was made', droppedAfterConnecting],
        ['one address refused and another rejected the password', refusedOnOneAddressOnly],
    ])('and %s', (_situation, error) => {
        it('fails outside CI too, naming the error and the test file', () => {
            const failure = refusal(() => decideAboutPostgres(error, locally));
            expect(failure).toBeInstanceOf(PostgresIsNotUsableForTests);
            expect((failure as Error).message).toContain('/repository/Source/x.integration.test.ts');
        });

        it('fails on CI', () => {
            expect(refusal(() => decideAboutPostgres(error, onCi))).toBeInstanceOf(PostgresIsNotUsableForTests);
        });
    });
});
