import { millisecondsToTimestamp, type dolittle } from '@dolittle-typescript/protocol';

type CommitRequest = dolittle.runtime.events.CommitEventsRequest;
type CommittedEvent = dolittle.runtime.events.CommittedEvent.$Properties;

/** The committed events a Runtime answers a Commit with (same fields and sizes), numbered from `first`; nothing is stored. */
export function committedEventsFor(request: CommitRequest, first: number): ReadonlyArray<CommittedEvent> {
    const occurred = millisecondsToTimestamp(Date.now());
    const executionContext = request.callContext?.executionContext ?? null;
    return request.events.map((event, index) => ({
        eventLogSequenceNumber: first + index,
        occurred,
        eventSourceId: event.eventSourceId ?? null,
        executionContext,
        type: event.artifact ?? null,
        public: event.public ?? false,
        content: event.content ?? '',
        external: false,
    }));
}
