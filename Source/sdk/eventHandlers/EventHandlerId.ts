import type { GuidLike } from '../execution/Guid.js';
import { Identifier } from '../execution/Identifier.js';

/** Identifies an event handler: the Runtime keeps its position and failures under this id. */
export class EventHandlerId extends Identifier {
    private constructor(value: GuidLike) {
        super('EventHandlerId', value);
    }

    /** Reads an event handler id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): EventHandlerId {
        return value instanceof EventHandlerId ? value : new EventHandlerId(value);
    }
}
