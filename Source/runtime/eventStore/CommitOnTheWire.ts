import { dolittle } from '@dolittle-typescript/protocol';
import { countRepeatedField } from '../wire/index.js';
import { maximumEventsInOneCommit } from './EventStore.js';

/**
 * A commit request as its method's decoder hands it to the service: decoded, with its size in bytes, or only
 * counted, when it has more events than one commit may have.
 */
export type CommitOnTheWire<Request> =
    | { readonly kind: 'decoded'; readonly request: Request; readonly bytes: number }
    | { readonly kind: 'tooManyEvents'; readonly events: number };

/**
 * The largest answer the Runtime sends to a commit: grpc-js clients, the SDK's among them, refuse a message over
 * 4 MiB by default, and would then report a failed call for events that were stored.
 */
export const maximumAnswerBytes = 4 * 1024 * 1024;

// What an event's answer adds to the event as it was sent, besides its execution context: the sequence number
// (up to 11 bytes), the time it occurred (up to 14), the framing of the execution context (up to 4), the event source
// id when the request left it out (20) and the external flag (2): 51, rounded up.
const answerBytesAddedPerEvent = 60;

/**
 * A commit method whose decoder first counts the events in the bytes (the field path leads to them) and decodes only
 * a commit within the limit: a 4 MB request of tiny events would otherwise become hundreds of thousands of objects
 * (about 30 times its size in memory, and seconds of decoding on the event loop) only to be refused.
 */
export function decodingCommitsWithinLimit<Request, Method extends { readonly requestDeserialize: (bytes: Buffer) => Request }>(method: Method, pathToEvents: ReadonlyArray<number>) {
    return {
        ...method,
        requestDeserialize: (bytes: Buffer): CommitOnTheWire<Request> => {
            const events = countRepeatedField(bytes, pathToEvents);
            return events !== undefined && events > maximumEventsInOneCommit
                ? { kind: 'tooManyEvents', events }
                : { kind: 'decoded', request: method.requestDeserialize(bytes), bytes: bytes.length };
        },
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
