import type { GuidLike } from '../execution/Guid.js';
import { PartitionId } from '../eventStore/PartitionId.js';

/** What a partitioned or public filter says about an event: whether to include it, and in which partition. */
export class PartitionedFilterResult {
    /** The partition the event goes into. */
    readonly partitionId: PartitionId;

    /** Creates the result: include the event or not, in the given partition. */
    constructor(readonly shouldInclude: boolean, partitionId: GuidLike) {
        this.partitionId = PartitionId.from(partitionId);
    }
}
