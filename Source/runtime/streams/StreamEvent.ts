import type { CommittedEvent } from '../eventStore/index.js';
import type { Guid } from '../guids/index.js';

/** An event at a position of a stream, in a partition (the empty GUID when the stream is unpartitioned). */
export type StreamEvent = {
    readonly position: number;
    readonly partition: Guid;
    readonly event: CommittedEvent;
};

/** An event a filter chose for its stream, before it has a position. */
export type FilteredEvent = {
    readonly partition: Guid;
    readonly event: CommittedEvent;
};
