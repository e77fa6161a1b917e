import { dolittle, eventStoreService, type ProtocolMethod } from '@dolittle-typescript/protocol';

type WireUncommittedEvent = dolittle.runtime.events.UncommittedEvent.$Properties;
type CommitResponse = dolittle.runtime.events.CommitEventsResponse;

/** A Commit request whose call context was encoded once for the event store (it never changes per tenant). */
export type CommitRequest = { readonly callContext: Buffer; readonly events: ReadonlyArray<WireUncommittedEvent> };

// CommitEventsRequest: callContext is field 1, events field 2, both length-delimited.
const callContextTag = (1 << 3) | 2;
const eventTag = (2 << 3) | 2;

function varintLength(value: number): number {
    let length = 1;
    while (value >= 0x80) {
        value >>>= 7;
        length++;
    }
    return length;
}

function writeVarint(target: Buffer, offset: number, value: number): number {
    while (value >= 0x80) {
        target[offset++] = (value & 0x7f) | 0x80;
        value >>>= 7;
    }
    target[offset++] = value;
    return offset;
}

/** Encodes a CallRequestContext once, to put into every Commit request of an event store. */
export function encodeCallContext(callContext: dolittle.services.CallRequestContext.$Properties): Buffer {
    return Buffer.from(dolittle.services.CallRequestContext.encode(callContext).finish());
}

/**
 * Encodes a Commit request from the pre-encoded call context and the events: the same bytes as encoding the whole
 * CommitEventsRequest, without encoding the execution context again for every commit.
 */
function encodeCommitRequest(request: CommitRequest): Buffer {
    const events = request.events.map((event) => dolittle.runtime.events.UncommittedEvent.encode(event).finish());
    let length = 1 + varintLength(request.callContext.length) + request.callContext.length;
    for (const event of events) {
        length += 1 + varintLength(event.length) + event.length;
    }
    const bytes = Buffer.allocUnsafe(length);
    bytes[0] = callContextTag;
    let offset = writeVarint(bytes, 1, request.callContext.length);
    offset += request.callContext.copy(bytes, offset);
    for (const event of events) {
        bytes[offset++] = eventTag;
        offset = writeVarint(bytes, offset, event.length);
        bytes.set(event, offset);
        offset += event.length;
    }
    return bytes;
}

/** `EventStore/Commit` with requests written from a pre-encoded call context. */
export const commitMethod: ProtocolMethod<CommitRequest, unknown, never, CommitResponse> = Object.freeze({
    ...eventStoreService.commit,
    requestSerialize: encodeCommitRequest,
    requestDeserialize: () => {
        throw new Error('The SDK never decodes a Commit request');
    },
});
