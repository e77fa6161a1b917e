/**
 * SQLite result codes (and their extended forms, such as SQLITE_IOERR_FSYNC) that mean the database file cannot
 * take the work now: locked by another connection or process, the disk full, the file unreadable or gone, an I/O
 * error. Constraint violations, a corrupt file and programming errors are not among them.
 */
const unavailableCodes = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|PROTOCOL)(_|$)/;

/** Recognises errors of the embedded database by what they mean for the Runtime. */
export const sqliteErrors = {
    /** Tells whether the error means the database file cannot be used now, so retrying later may succeed. */
    isUnavailable(error: unknown): boolean {
        return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && unavailableCodes.test(error.code);
    },
};
