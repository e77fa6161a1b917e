import type { Guid } from '../guids/index.js';

/** Why and since when an unpartitioned processor is halted at its position. */
export type ProcessingFailure = {
    readonly reason: string;
    /** How many times processing the event at the position has failed. */
    readonly attempts: number;
    /** When to try again, in milliseconds since the epoch; `Number.MAX_SAFE_INTEGER` when the head asked never to retry. */
    readonly retryTime: number;
    /** When it last failed, in milliseconds since the epoch. */
    readonly lastFailed: number;
};

/** A partition of a partitioned processor that waits at a failed event while the other partitions flow on. */
export type FailingPartition = ProcessingFailure & {
    /** The stream position of the failed event: the partition's later events wait behind it. */
    readonly position: number;
};

/** The persisted state of an unpartitioned stream processor. */
export type UnpartitionedStreamProcessorState = {
    readonly partitioned: false;
    /** The next stream position to process. */
    readonly position: number;
    /** When an event was last processed successfully, in milliseconds since the epoch (0 when never). */
    readonly lastSuccessfullyProcessed: number;
    /** Set while the processor is halted at `position`. */
    readonly failure: ProcessingFailure | undefined;
};

/** The persisted state of a partitioned stream processor. */
export type PartitionedStreamProcessorState = {
    readonly partitioned: true;
    /** The next stream position to process in the partitions that are not failing. */
    readonly position: number;
    /** When an event was last processed successfully, in milliseconds since the epoch (0 when never). */
    readonly lastSuccessfullyProcessed: number;
    /** The failing partitions by partition id. */
    readonly failingPartitions: ReadonlyMap<Guid, FailingPartition>;
};

/** The persisted state of a stream processor. */
export type StreamProcessorState = UnpartitionedStreamProcessorState | PartitionedStreamProcessorState;

/** The state of a processor that has processed nothing yet. */
export function initialStreamProcessorState(partitioned: boolean): StreamProcessorState {
    return partitioned
        ? { partitioned: true, position: 0, lastSuccessfullyProcessed: 0, failingPartitions: new Map() }
        : { partitioned: false, position: 0, lastSuccessfullyProcessed: 0, failure: undefined };
}
