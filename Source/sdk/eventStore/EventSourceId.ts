import { newGuidText, type GuidLike } from '../execution/Guid.js';
import { Identifier } from '../execution/Identifier.js';

/** Identifies where events come from: an aggregate, or any source the head chooses. */
export class EventSourceId extends Identifier {
    private constructor(value: GuidLike) {
        super('EventSourceId', value);
    }

    /** Reads an event source id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): EventSourceId {
        return value instanceof EventSourceId ? value : new EventSourceId(value);
    }

    /** A new random event source id. */
    static new(): EventSourceId {
        return new EventSourceId(newGuidText());
    }
}
