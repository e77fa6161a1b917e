import type { GuidLike } from '../execution/Guid.js';
import { Identifier } from '../execution/Identifier.js';

/** Identifies a filter, and the stream it writes. */
export class FilterId extends Identifier {
    private constructor(value: GuidLike) {
        super('FilterId', value);
    }

    /** Reads a filter id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): FilterId {
        return value instanceof FilterId ? value : new FilterId(value);
    }
}
