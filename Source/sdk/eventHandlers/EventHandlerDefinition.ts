import type { EventType } from '../artifacts/EventType.js';
import type { EventContext } from '../eventStore/EventContext.js';
import type { ScopeId } from '../eventStore/ScopeId.js';
import type { EventHandlerId } from './EventHandlerId.js';

/** A method that handles one event type. */
export type HandleMethod = (event: unknown, context: EventContext) => unknown;

/** An event handler as the client registers it: its identity and one handle method per event type. */
export type EventHandlerDefinition = {
    readonly id: EventHandlerId;
    readonly scopeId: ScopeId;
    readonly partitioned: boolean;
    readonly alias?: string;
    readonly handlers: ReadonlyArray<{ readonly eventType: EventType; readonly handle: HandleMethod }>;
};
