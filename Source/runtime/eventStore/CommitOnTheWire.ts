import { dolittle } from '@dolittle-typescript/protocol';
import { countRepeatedField, splitRepeatedField, type LargeMessageWork } from '../wire/index.js';
import { maximumEventsInOneCommit } from './EventStore.js';

/**
 * A commit request as its method's decoder hands it to the service: decoded, with its size in bytes; still encoded,
 * when it is large enough that decoding it should wait for its turn in the Runtime's large-message work; or only
 * counted, when it has more events than one commit may have.
 */
export type CommitOnTheWire<Request> =
    | { readonly kind: 'decoded'; readonly request: Request; readonly bytes: number }
    | { readonly kind: 'large'; readonly decode: (work: LargeMessageWork) => Promise<Request>; readonly bytes: number }
    | { readonly kind: 'tooManyEvents'; readonly events: number };

/**
 * Requests larger than this are decoded, and their answers encoded, in the Runtime's queue of large-message work, one
 * per turn of the event loop. Smaller ones take a millisecond or less and are handled at once, without the queue's
 * extra turns.
 */
export const largeCommitBytes = 64 * 1024;

/**
 * The largest answer the Runtime sends to a commit: grpc-js clients, the SDK's among them, refuse a message over
 * 4 MiB by default, and would then report a failed call for events that were stored.
 */
export const maximumAnswerBytes = 4 * 1024 * 1024;

// What an event's answer adds to the event as it was sent, besides its execution context: the sequence number
// (up to 11 bytes), the time it occurred (up to 14), the framing of the execution context (up to 4), the event source
// id when the request left it out (20) and the external flag (2): 51, rounded up.
const answerBytesAddedPerEvent = 60;

/** The repeated field of a commit request that holds its events: where it is, and how to decode and place its elements. */
export type EventsOnTheWire<Request, Event> = {
    /** The field numbers that lead to the events: `[2, 4]` is field 4 of the message in field 2. */
    readonly path: ReadonlyArray<number>;
    /** Decodes one event. */
    readonly decode: (bytes: Uint8Array) => Event;
    /** Puts the decoded events into the request decoded without them. */
    readonly place: (request: Request, events: Event[]) => void;
};

// How many bytes of events one unit of large-message work decodes: about 2 ms of work on an unloaded core.
const bytesDecodedAtOnce = 256 * 1024;

/**
 * A commit method whose decoder first counts the events in the bytes and decodes only a commit within the limit: a
 * 4 MB request of tiny events would otherwise become hundreds of thousands of objects (about 30 times its size in
 * memory, and seconds of decoding on the event loop) only to be refused. A request over {@link largeCommitBytes} is
 * left encoded: grpc-js calls the decoder as the request's last bytes arrive, so several large requests that complete
 * together would be decoded back to back before the event loop reads another socket. The service decodes it later,
 * a few hundred kilobytes of events per turn of the event loop. An answer the service has already encoded (a Buffer)
 * is sent as it is.
 */
export function commitMethodOnTheWire<Method extends { readonly requestDeserialize: (bytes: Buffer) => unknown; readonly responseSerialize: (response: never) => Buffer }, Event>(
    method: Method,
    events: EventsOnTheWire<ReturnType<Method['requestDeserialize']>, Event>,
) {
    type Request = ReturnType<Method['requestDeserialize']>;
    type Response = Parameters<Method['responseSerialize']>[0];
    const decode = (bytes: Buffer) => method.requestDeserialize(bytes) as Request;
    const decodeInParts = async (bytes: Buffer, work: LargeMessageWork): Promise<Request> => {
        const split = splitRepeatedField(bytes, events.path);
        if (split === undefined) {
            return work.run(() => decode(bytes));
        }
        const request = await work.run(() => decode(split.shell));
        const decoded: Event[] = [];
        let next = 0;
        while (next < split.elements.length) {
            const first = next;
            let size = 0;
            while (next < split.elements.length && (next === first || size + split.elements[next]!.length <= bytesDecodedAtOnce)) {
                size += split.elements[next]!.length;
                next++;
            }
            const part = split.elements.slice(first, next);
            decoded.push(...(await work.run(() => part.map(events.decode))));
        }
        events.place(request, decoded);
        return request;
    };
    return {
        ...method,
        requestDeserialize: (bytes: Buffer): CommitOnTheWire<Request> => {
            const count = countRepeatedField(bytes, events.path);
            if (count !== undefined && count > maximumEventsInOneCommit) {
                return { kind: 'tooManyEvents', events: count };
            }
            return bytes.length > largeCommitBytes
                ? { kind: 'large', decode: (work) => decodeInParts(bytes, work), bytes: bytes.length }
                : { kind: 'decoded', request: decode(bytes), bytes: bytes.length };
        },
        responseSerialize: (response: Response | Buffer): Buffer => (Buffer.isBuffer(response) ? response : method.responseSerialize(response)),
    };
}

/**
 * About how many bytes the answer to a commit will have (a little more than it will, never less): the
 * request's events come back, each with its sequence number, the time it occurred and the request's execution context.
 */
export function estimatedAnswerBytes(requestBytes: number, events: number, executionContext: dolittle.execution.ExecutionContext.$Properties | null | undefined): number {
    const executionContextBytes = executionContext === null || executionContext === undefined ? 0 : dolittle.execution.ExecutionContext.encode(executionContext).finish().length;
    return requestBytes + events * (executionContextBytes + answerBytesAddedPerEvent);
}
