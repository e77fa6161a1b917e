/** SQLSTATE codes and Node.js socket errors the storage code needs to tell apart. */
const uniqueViolation = '23505';
const tooManyConnections = '53300';
const cannotConnectNow = '57P03';
const shutdownCodes = new Set(['57P01', '57P02']);
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);
const unavailableMessages = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i];

/** Recognises PostgreSQL errors by what they mean for the Runtime rather than by their SQLSTATE. */
export const postgresErrors = {
    /** Tells whether the error is a unique (or primary key) violation: another writer took the row first. */
    isUniqueViolation(error: unknown): boolean {
        return codeOf(error) === uniqueViolation;
    },
    /**
     * Tells whether the error means the server cannot be reached or takes no more work for now (connection
     * refused or lost, too many clients, shutting down, pool timeout), so retrying later may succeed.
     */
    isUnavailable(error: unknown): boolean {
        if (error instanceof AggregateError && error.errors.some((inner) => postgresErrors.isUnavailable(inner))) {
            return true;
        }
        const code = codeOf(error);
        if (code !== undefined) {
            return code.startsWith('08') || code === tooManyConnections || code === cannotConnectNow || shutdownCodes.has(code) || socketCodes.has(code);
        }
        return error instanceof Error && unavailableMessages.some((pattern) => pattern.test(error.message));
    },
};

function codeOf(error: unknown): string | undefined {
    if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
        return error.code;
    }
    return undefined;
}
