import type { Guid } from '../guids/index.js';
import type { StreamEvent } from '../streams/index.js';

/** A stream a processor reads, in position order: a scope's event log or a filtered stream. */
export interface StreamSource {
    /** The name under which StreamChanges announces that this source grew. */
    readonly changes: string;
    /** Up to `limit` events from a position on, in position order. */
    read(fromPosition: number, limit: number): Promise<ReadonlyArray<StreamEvent>>;
    /** The position the next event appended to the source gets: how long it is (for the lag metrics). */
    length(): Promise<number>;
    /** Up to `limit` events of one partition with positions in [fromPosition, beforePosition), in order. */
    readPartition(partition: Guid, fromPosition: number, beforePosition: number, limit: number): Promise<ReadonlyArray<StreamEvent>>;
}
