import { timestampToMilliseconds } from '@dolittle-typescript/protocol';
import type { CommittedEvent } from '../eventStore/index.js';
import type { Guid } from '../guids/index.js';
import { executionContextFromWire, guidFromWire, RequestIsMalformed } from '../wire/index.js';
import type { EventRequest } from './eventHorizonProtocols.js';

/** An event received from a producer, ready for the scope's event log but for its sequence number there. */
export type ReceivedEvent = {
    /** Its position in the producer's public stream. */
    readonly position: number;
    readonly event: Omit<CommittedEvent, 'sequenceNumber'>;
};

/**
 * Reads an event the producer sent as an external event: its original execution context, occurred time, event source,
 * type and content kept, not public, with the producer's event log sequence number, the time it was received and the
 * consent. A malformed event names the field.
 */
export function receivedEventFromWire(request: EventRequest, consentId: Guid, received: number): ReceivedEvent {
    const wire = request.event?.event;
    if (wire === null || wire === undefined) {
        throw new RequestIsMalformed('event.event', 'it is missing');
    }
    const occurred = timestampToMilliseconds(wire.occurred);
    if (occurred === undefined) {
        throw new RequestIsMalformed('event.event.occurred', 'it is missing');
    }
    if (typeof wire.content !== 'string' || wire.content === '') {
        throw new RequestIsMalformed('event.event.content', 'it is missing or empty');
    }
    return {
        position: Number(request.event?.streamSequenceNumber ?? 0),
        event: {
            occurred,
            eventSourceId: guidFromWire(wire.eventSourceId, 'event.event.eventSourceId'),
            executionContext: executionContextFromWire(wire.executionContext, 'event.event.executionContext'),
            type: { id: guidFromWire(wire.type?.id, 'event.event.type.id'), generation: Number(wire.type?.generation ?? 0) },
            public: false,
            content: wire.content,
            aggregate: undefined,
            external: { externalSequenceNumber: Number(wire.eventLogSequenceNumber ?? 0), received, consentId },
        },
    };
}
