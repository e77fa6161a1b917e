import type { EventTypeReference } from '../artifacts/EventTypes.js';
import { decoratedClassOf, decoratedMethodOf, describeClass, descriptionOf, markedMethodsOf, markMethod, type MarkedMethod, type Class } from '../decorators/decoratorCall.js';
import type { GuidLike } from '../execution/Guid.js';
import { ScopeId } from '../eventStore/ScopeId.js';
import { EventHandlerId } from './EventHandlerId.js';

/** The options of `@eventHandler`: partitioned (true unless told), the scope it handles, an alias. */
export type EventHandlerOptions = { readonly partitioned?: boolean; readonly inScope?: GuidLike; readonly alias?: string };

/** What `@eventHandler` says about a class. */
export type EventHandlerDescription = { readonly id: EventHandlerId; readonly partitioned: boolean; readonly scopeId: ScopeId; readonly alias?: string };

/** What `@handles` says about a method: the event type it handles. */
export type HandlesMark = { readonly eventType: EventTypeReference; readonly generation?: number };

const eventHandlerKey = Symbol.for('@dolittle-typescript/sdk.eventHandler');
const handlesKey = Symbol.for('@dolittle-typescript/sdk.handles');

/** Decorates a class as an event handler: `@eventHandler('f2d366cf-…', { partitioned: true, inScope })`. */
export function eventHandler(id: GuidLike, options: EventHandlerOptions = {}): (target: Class, context?: unknown) => void {
    const description: EventHandlerDescription = {
        id: EventHandlerId.from(id),
        partitioned: options.partitioned ?? true,
        scopeId: options.inScope === undefined ? ScopeId.default : ScopeId.from(options.inScope),
        ...(options.alias === undefined ? {} : { alias: options.alias }),
    };
    return (target, context) => describeClass(decoratedClassOf('eventHandler', target, context), eventHandlerKey, description);
}

/** Decorates a method of an event handler as the one that handles an event type (a decorated class, an EventType or an id). */
export function handles(eventType: EventTypeReference, generation?: number): (target: object, contextOrKey?: unknown, descriptor?: PropertyDescriptor) => void {
    return (target, contextOrKey, descriptor) => markMethod<HandlesMark>(handlesKey, decoratedMethodOf('handles', target, contextOrKey, descriptor), generation === undefined ? { eventType } : { eventType, generation });
}

/** What `@eventHandler` said about a class, if it decorated it. */
export function eventHandlerDescriptionOf(type: Class): EventHandlerDescription | undefined {
    return descriptionOf<EventHandlerDescription>(type, eventHandlerKey);
}

/** The methods of a class that `@handles` decorated. */
export function handlesMethodsOf(type: Class): ReadonlyArray<MarkedMethod<HandlesMark>> {
    return markedMethodsOf<HandlesMark>(type, handlesKey);
}
