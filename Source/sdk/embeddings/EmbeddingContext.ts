import type { EventSourceId } from '../eventStore/EventSourceId.js';
import type { ExecutionContext } from '../execution/ExecutionContext.js';
import type { Key } from '../projections/Key.js';

/** What an embedding's update or deletion resolver learns: the key, whether the state is new, whether it is a delete. */
export class EmbeddingContext {
    /** Creates the context of one update or delete. */
    constructor(readonly wasCreatedFromInitialState: boolean, readonly key: Key, readonly isDelete: boolean, readonly executionContext: ExecutionContext) {}
}

/** What an embedding's @on method learns beside the state and the event. */
export class EmbeddingProjectContext {
    /** Creates the context of one event projected onto the embedding's state. */
    constructor(readonly wasCreatedFromInitialState: boolean, readonly key: Key, readonly eventSourceId: EventSourceId, readonly executionContext: ExecutionContext) {}
}
