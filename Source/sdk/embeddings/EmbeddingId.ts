import type { GuidLike } from '../execution/Guid.js';
import { Identifier } from '../execution/Identifier.js';

/** Identifies an embedding. */
export class EmbeddingId extends Identifier {
    private constructor(value: GuidLike) {
        super('EmbeddingId', value);
    }

    /** Reads an embedding id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): EmbeddingId {
        return value instanceof EmbeddingId ? value : new EmbeddingId(value);
    }
}
