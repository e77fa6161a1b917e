import { emptyGuid, type GuidLike } from '../execution/Guid.js';
import { Identifier } from '../execution/Identifier.js';

/** Identifies a scope of the event store: the default scope holds the event log; others hold events from the Event Horizon. */
export class ScopeId extends Identifier {
    /** The default scope. */
    static readonly default = new ScopeId(emptyGuid);

    private constructor(value: GuidLike) {
        super('ScopeId', value);
    }

    /** Reads a scope id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): ScopeId {
        return value instanceof ScopeId ? value : new ScopeId(value);
    }
}
