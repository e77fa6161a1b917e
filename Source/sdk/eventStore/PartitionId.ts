import { emptyGuid, type GuidLike } from '../execution/Guid.js';
import { Identifier } from '../execution/Identifier.js';

/** Identifies a partition of a stream: events of one partition are processed in order, partitions independently. */
export class PartitionId extends Identifier {
    /** The partition of unpartitioned streams. */
    static readonly unspecified = new PartitionId(emptyGuid);

    private constructor(value: GuidLike) {
        super('PartitionId', value);
    }

    /** Reads a partition id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): PartitionId {
        return value instanceof PartitionId ? value : new PartitionId(value);
    }
}
