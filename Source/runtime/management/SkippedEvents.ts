import type { StreamProcessorKey } from '../streams/index.js';

/** An event an operator told a processor to skip, kept so the skip stays visible. */
export type SkippedEvent = {
    readonly processor: StreamProcessorKey;
    /** The partition, or '' for an unpartitioned processor. */
    readonly partition: string;
    readonly position: number;
    readonly eventLogSequenceNumber: number;
    /** Why processing it failed last. */
    readonly reason: string;
    readonly attempts: number;
    /** When it was skipped, in milliseconds since the epoch. */
    readonly skipped: number;
    /** Who asked: the management call's peer. */
    readonly skippedBy: string;
};

/** What every storage backend provides to record skipped events in a tenant's store. */
export interface SkippedEvents {
    /** Records a skip. */
    record(skip: SkippedEvent): Promise<void>;
    /** The skips of one processor, oldest first. */
    of(processor: StreamProcessorKey): Promise<ReadonlyArray<SkippedEvent>>;
}
