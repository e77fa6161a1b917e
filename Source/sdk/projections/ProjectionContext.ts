import type { EventContext } from '../eventStore/EventContext.js';
import type { Key } from './Key.js';

/** What a projection learns beside the read model and the event: the key, and whether the read model is new. */
export class ProjectionContext {
    /** Creates the context of one event projected onto one read model. */
    constructor(readonly wasCreatedFromInitialState: boolean, readonly key: Key, readonly eventContext: EventContext) {}
}
