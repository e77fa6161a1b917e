import { cannotConnect } from './cannotConnect.js';

/** What a test file does about PostgreSQL: run its PostgreSQL cases, or list them as skipped. */
export type PostgresDecision =
    | { readonly run: true }
    | {
          readonly run: false;
          /** Why the PostgreSQL cases skip, for the message printed beside them. */
          readonly reason: string;
      };

/** Where the decision is made: the test file, the server (without its password) and whether this is a CI run. */
export type PostgresDecisionContext = {
    readonly testFile: string;
    readonly server: string;
    readonly onContinuousIntegration: boolean;
};

/** Thrown when PostgreSQL was reached but refused the test's work, or cannot be reached on CI: both fail the run. */
export class PostgresIsNotUsableForTests extends Error {
    /** Describes what went wrong, where, and for which test file. */
    constructor(situation: string, context: PostgresDecisionContext, cause: unknown) {
        super(`${situation} (PostgreSQL at ${context.server}, for ${context.testFile}): ${messageOf(cause)}`, { cause });
        this.name = 'PostgresIsNotUsableForTests';
    }
}

/**
 * The one decision about PostgreSQL in tests, from how creating the test file's database went (`undefined` when
 * it succeeded, else the error): run; skip, when the server cannot be reached outside CI; or fail, when it cannot
 * be reached on CI (CI=true) or when it was reached and refused (authentication, rights, a failed statement).
 */
export function decideAboutPostgres(creationError: unknown, context: PostgresDecisionContext): PostgresDecision {
    if (creationError === undefined) {
        return { run: true };
    }
    if (!cannotConnect(creationError)) {
        throw new PostgresIsNotUsableForTests('PostgreSQL was reached but the test database could not be created', context, creationError);
    }
    if (context.onContinuousIntegration) {
        throw new PostgresIsNotUsableForTests('PostgreSQL cannot be reached, and on CI (CI=true) every PostgreSQL case must run', context, creationError);
    }
    return { run: false, reason: `PostgreSQL at ${context.server} cannot be reached (${messageOf(creationError)})` };
}

function messageOf(error: unknown): string {
    if (error instanceof AggregateError && error.errors.length > 0) {
        return error.errors.map((inner) => messageOf(inner)).join('; ');
    }
    if (error instanceof Error && error.message !== '') {
        return error.message;
    }
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    return code ?? String(error);
}
