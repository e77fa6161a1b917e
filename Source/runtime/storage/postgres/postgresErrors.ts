/** SQLSTATE codes and Node.js socket errors the storage code needs to tell apart. */
const uniqueViolation = '23505';
/** Class 08, connection exception; class 53, insufficient resources (disk full, out of memory, too many connections). */
const unavailableClasses = ['08', '53'];
const unavailableCodes = new Set([
    '57P01', // admin_shutdown: the server is stopping (pg_ctl stop -m fast, or a failover)
    '57P02', // crash_shutdown: another server process crashed and every session is ended
    '57P03', // cannot_connect_now: the server is starting up, shutting down or recovering
    '57P05', // idle_session_timeout: the server ended an idle connection
    '58030', // io_error: the server could not read or write its files
    '25006', // read_only_sql_transaction: the address now leads to a standby, as during a failover
]);
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
/** Errors that come before a statement reaches the server: nothing it was to do has been done. */
const beforeConnectingCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', '57P03', '53300']);
const beforeConnectingMessages = [/timeout exceeded when trying to connect/i];
const unavailableMessages = [
    /Connection terminated/i,
    /timeout exceeded when trying to connect/i,
    /Client has encountered a connection error/i,
    /Client was closed and is not queryable/i,
];

/** Recognises PostgreSQL errors by what they mean for the Runtime rather than by their SQLSTATE. */
export const postgresErrors = {
    /** Tells whether the error is a unique (or primary key) violation: another writer took the row first. */
    isUniqueViolation(error: unknown): boolean {
        return codeOf(error) === uniqueViolation;
    },
    /**
     * Tells whether the error means the server cannot be reached or takes no more work for now (connection
     * refused or lost, too many clients, out of disk, shutting down or starting up, pool timeout), so retrying
     * later may succeed.
     */
    isUnavailable(error: unknown): boolean {
        if (error instanceof AggregateError && error.errors.some((inner) => postgresErrors.isUnavailable(inner))) {
            return true;
        }
        const code = codeOf(error);
        if (code !== undefined) {
            return unavailableClasses.includes(code.slice(0, 2)) || unavailableCodes.has(code) || socketCodes.has(code);
        }
        return error instanceof Error && unavailableMessages.some((pattern) => pattern.test(error.message));
    },
    /**
     * Tells whether the error came while connecting (refused, no such host, the server starting up, too many
     * clients), so no statement reached the server; any other unavailability may have struck while it committed.
     */
    isBeforeConnecting(error: unknown): boolean {
        if (error instanceof AggregateError) {
            return error.errors.length > 0 && error.errors.every((inner) => postgresErrors.isBeforeConnecting(inner));
        }
        const code = codeOf(error);
        if (code !== undefined) {
            return beforeConnectingCodes.has(code);
        }
        return error instanceof Error && beforeConnectingMessages.some((pattern) => pattern.test(error.message));
    },
    /** The error's SQLSTATE (or Node.js socket error code), if it has one. */
    codeOf(error: unknown): string | undefined {
        return codeOf(error);
    },
};

function codeOf(error: unknown): string | undefined {
    if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
        return error.code;
    }
    return undefined;
}
