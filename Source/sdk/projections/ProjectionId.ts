import type { GuidLike } from '../execution/Guid.js';
import { Identifier } from '../execution/Identifier.js';

/** Identifies a projection. */
export class ProjectionId extends Identifier {
    private constructor(value: GuidLike) {
        super('ProjectionId', value);
    }

    /** Reads a projection id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): ProjectionId {
        return value instanceof ProjectionId ? value : new ProjectionId(value);
    }
}
