import { guidToUuid, millisecondsToTimestamp, type dolittle } from '@dolittle-typescript/protocol';
import type { CommittedEvent } from '../eventStore/index.js';
import { executionContextToWire } from './executionContextWire.js';

/** Writes a committed event for the wire, with its content exactly as it was committed. */
export function committedEventToWire(event: CommittedEvent): dolittle.runtime.events.CommittedEvent.$Properties {
    return {
        eventLogSequenceNumber: event.sequenceNumber,
        occurred: millisecondsToTimestamp(event.occurred),
        eventSourceId: guidToUuid(event.eventSourceId),
        executionContext: executionContextToWire(event.executionContext),
        type: { id: guidToUuid(event.type.id), generation: event.type.generation },
        public: event.public,
        content: event.content,
        external: event.external !== undefined,
        ...(event.external === undefined
            ? {}
            : {
                  externalEventLogSequenceNumber: event.external.externalSequenceNumber,
                  externalEventReceived: millisecondsToTimestamp(event.external.received),
              }),
    };
}
