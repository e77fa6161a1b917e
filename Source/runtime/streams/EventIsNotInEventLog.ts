import { streamKeyText, type StreamKey } from './StreamKey.js';

/** Thrown when an append references an event log sequence number that the stream's scope has not committed; nothing is written. */
export class EventIsNotInEventLog extends Error {
    /** Creates the error for the stream the append was for. */
    constructor(readonly key: StreamKey, readonly eventLogSequenceNumbers: ReadonlyArray<number>, options?: { cause?: unknown }) {
        super(
            `Stream '${streamKeyText(key)}' cannot reference event log sequence numbers [${eventLogSequenceNumbers.join(', ')}]: ` +
                `one of them is not in the event log of scope ${key.scope}`,
            options,
        );
        this.name = 'EventIsNotInEventLog';
    }
}
