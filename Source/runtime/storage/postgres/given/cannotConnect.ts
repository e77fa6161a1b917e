/** The socket errors that mean nothing answered at the server's address. */
const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
/** `57P03`: the server answered but accepts no connections yet (starting up, shutting down, in recovery). */
const cannotConnectNow = '57P03';
/** What `pg` says when `connectionTimeoutMillis` passes before the server answered. */
const connectionTimeout = /timeout expired|connection timeout|timeout exceeded when trying to connect/i;

/**
 * Tells whether an error from connecting to PostgreSQL means the server cannot be reached (refused, unknown host,
 * no route, timed out, not accepting connections yet). Anything else (a wrong password, a missing right, a failed
 * statement, a dropped connection after it was made) means the server was reached and something is wrong.
 */
export function cannotConnect(error: unknown): boolean {
    if (error instanceof AggregateError) {
        // Connecting to `localhost` tries each of its addresses; the server is unreachable only when every try was.
        return error.errors.length > 0 && error.errors.every((inner) => cannotConnect(inner));
    }
    const code = codeOf(error);
    if (code !== undefined) {
        return unreachableCodes.has(code) || code === cannotConnectNow;
    }
    return error instanceof Error && connectionTimeout.test(error.message);
}

function codeOf(error: unknown): string | undefined {
    if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
        return error.code;
    }
    return undefined;
}
