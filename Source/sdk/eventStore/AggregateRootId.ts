import { newGuidText, type GuidLike } from '../execution/Guid.js';
import { Identifier } from '../execution/Identifier.js';

/** Identifies an aggregate root (the kind of aggregate, e.g. Kitchen). */
export class AggregateRootId extends Identifier {
    private constructor(value: GuidLike) {
        super('AggregateRootId', value);
    }

    /** Reads an aggregate root id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): AggregateRootId {
        return value instanceof AggregateRootId ? value : new AggregateRootId(value);
    }

    /** A new random aggregate root id. */
    static new(): AggregateRootId {
        return new AggregateRootId(newGuidText());
    }
}
