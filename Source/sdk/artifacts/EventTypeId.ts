import { newGuidText, type GuidLike } from '../execution/Guid.js';
import { Identifier } from '../execution/Identifier.js';

/** Identifies an event type in the Runtime. */
export class EventTypeId extends Identifier {
    private constructor(value: GuidLike) {
        super('EventTypeId', value);
    }

    /** Reads an event type id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): EventTypeId {
        return value instanceof EventTypeId ? value : new EventTypeId(value);
    }

    /** A new random event type id. */
    static new(): EventTypeId {
        return new EventTypeId(newGuidText());
    }
}
