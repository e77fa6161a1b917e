import type { Guid } from '../guids/index.js';

/**
 * Identifies a stream processor's state in a tenant: the scope, the processor (event handler, filter or
 * projection id) and the stream it reads (the empty GUID for the scope's event log; for an event handler's
 * event processor, the handler's own stream id). Public streams are never read by local processors here.
 */
export type StreamProcessorKey = {
    readonly scope: Guid;
    readonly processorId: Guid;
    readonly sourceStreamId: Guid;
};

/** A text key for a stream processor, for maps. */
export function streamProcessorKeyText(key: StreamProcessorKey): string {
    return `${key.scope}/${key.processorId}/${key.sourceStreamId}`;
}
