import { streamKeyText, type StreamKey, type StreamStorage } from '../streams/index.js';
import type { StreamSource } from './StreamSource.js';

/** A filtered stream as a source for a processor. */
export function streamSourceFor(streams: StreamStorage, key: StreamKey): StreamSource {
    return {
        changes: streamKeyText(key),
        length: () => streams.length(key),
        read: (fromPosition, limit) => streams.read(key, fromPosition, limit),
        readPartition: (partition, fromPosition, beforePosition, limit) => streams.readPartition(key, partition, fromPosition, beforePosition, limit),
    };
}
