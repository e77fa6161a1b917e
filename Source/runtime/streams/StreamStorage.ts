import type { Guid } from '../guids/index.js';
import type { StreamDefinition } from './StreamDefinition.js';
import type { FilteredEvent, StreamEvent } from './StreamEvent.js';
import type { StreamKey } from './StreamKey.js';
import type { StreamProcessorKey } from './StreamProcessorKey.js';
import type { StreamProcessorState } from './StreamProcessorState.js';

/**
 * What every storage backend provides for a tenant's streams: stream definitions, the streams filters write
 * (positions 0, 1, 2, ... per stream, append-only) and the states of stream processors.
 * Events in a stream reference the event log (scope, sequence number); reading a stream returns full events.
 */
export interface StreamStorage {
    /** The stored definition of a stream, if any. */
    definition(key: StreamKey): Promise<StreamDefinition | undefined>;
    /** Stores (inserts or replaces) the definition of a stream. */
    saveDefinition(definition: StreamDefinition): Promise<void>;
    /** The position the next event appended to the stream gets: the number of events in it. */
    length(key: StreamKey): Promise<number>;
    /** Up to `limit` events of the stream from a position on, in position order. */
    read(key: StreamKey, fromPosition: number, limit: number): Promise<ReadonlyArray<StreamEvent>>;
    /** Up to `limit` events of one partition of the stream with positions in [fromPosition, beforePosition), in order. */
    readPartition(key: StreamKey, partition: Guid, fromPosition: number, beforePosition: number, limit: number): Promise<ReadonlyArray<StreamEvent>>;
    /**
     * In one transaction: appends events to the end of the stream (numbering them from its current length) and
     * saves the state of the filter that chose them. Returns the appended events with their positions.
     * Used by filters so that a crash never leaves a stream and its filter's position out of step.
     */
    appendAndSaveState(key: StreamKey, events: ReadonlyArray<FilteredEvent>, processor: StreamProcessorKey, state: StreamProcessorState): Promise<ReadonlyArray<StreamEvent>>;
    /** The stored state of a stream processor, if any. */
    state(processor: StreamProcessorKey): Promise<StreamProcessorState | undefined>;
    /** Stores (inserts or replaces) the state of a stream processor. */
    saveState(processor: StreamProcessorKey, state: StreamProcessorState): Promise<void>;
    /** The keys of every stored stream processor state, in key order (for the management API). */
    processorKeys(): Promise<ReadonlyArray<StreamProcessorKey>>;
    /** Every stored definition of a stream that is not public, in key order (for the management API). */
    definitions(): Promise<ReadonlyArray<StreamDefinition>>;
}
