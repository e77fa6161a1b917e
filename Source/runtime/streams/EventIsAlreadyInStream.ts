import { streamKeyText, type StreamKey } from './StreamKey.js';

/** Thrown when an append would put an event log event into a stream that already holds it; nothing is written. */
export class EventIsAlreadyInStream extends Error {
    /** Creates the error for the stream and the event log sequence number that is already in it. */
    constructor(readonly key: StreamKey, readonly eventLogSequenceNumber: number, options?: { cause?: unknown }) {
        super(`Event log sequence number ${eventLogSequenceNumber} is already in stream '${streamKeyText(key)}'`, options);
        this.name = 'EventIsAlreadyInStream';
    }
}
