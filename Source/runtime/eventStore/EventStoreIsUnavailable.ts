/** Thrown by storage when the database cannot take the work now (unreachable, locked, too busy): retrying later may succeed. */
export class EventStoreIsUnavailable extends Error {
    /** What the database or its driver said, e.g. `connect ECONNREFUSED 127.0.0.1:5432` or `database is locked`. */
    readonly detail: string;

    /** Creates the error, keeping the storage error as its cause. */
    constructor(detail: string, options?: { cause?: unknown }) {
        super(`The event store's database is unavailable: ${detail}`, options);
        this.name = 'EventStoreIsUnavailable';
        this.detail = detail;
    }
}
