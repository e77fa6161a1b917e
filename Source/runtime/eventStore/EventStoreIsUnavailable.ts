/** Thrown by storage when the database cannot take the work now (unreachable, locked, too busy): retrying later may succeed. */
export class EventStoreIsUnavailable extends Error {
    /** Creates the error, keeping the storage error as its cause. */
    constructor(detail: string, options?: { cause?: unknown }) {
        super(`The event store's database is unavailable: ${detail}`, options);
        this.name = 'EventStoreIsUnavailable';
    }
}
