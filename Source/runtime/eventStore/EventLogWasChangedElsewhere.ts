/** Thrown by storage when another writer changed the event log or an aggregate under a commit. */
export class EventLogWasChangedElsewhere extends Error {
    /** Creates the error, keeping the storage error as its cause. */
    constructor(detail: string, options?: { cause?: unknown }) {
        super(`The event log was changed by another writer: ${detail}`, options);
        this.name = 'EventLogWasChangedElsewhere';
    }
}
