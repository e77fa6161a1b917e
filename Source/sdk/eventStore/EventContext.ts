import type { ExecutionContext } from '../execution/ExecutionContext.js';
import type { EventSourceId } from './EventSourceId.js';

/** What a processor learns about a committed event beside its content. */
export class EventContext {
    /** Creates the context of one committed event. */
    constructor(
        readonly sequenceNumber: number,
        readonly eventSourceId: EventSourceId,
        /** When the event was committed (SDK 17 gives a luxon DateTime here; this SDK a Date). */
        readonly occurred: Date,
        readonly executionContext: ExecutionContext,
    ) {}
}
