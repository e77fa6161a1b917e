import type { EventTypeReference } from '../artifacts/EventTypes.js';
import { decoratedClassOf, decoratedMethodOf, describeClass, descriptionOf, markedMethodsOf, markMethod, type MarkedMethod, type Class } from '../decorators/decoratorCall.js';
import { AggregateRootId } from '../eventStore/AggregateRootId.js';
import type { GuidLike } from '../execution/Guid.js';

/** What `@aggregateRoot` says about a class. */
export type AggregateRootDescription = { readonly id: AggregateRootId; readonly alias?: string };

/** What `@on` says about a method: the event type it rebuilds state from. */
export type OnMark = { readonly eventType: EventTypeReference; readonly generation?: number };

const aggregateRootKey = Symbol.for('@dolittle-typescript/sdk.aggregateRoot');
const onKey = Symbol.for('@dolittle-typescript/sdk.aggregates.on');

/** Decorates a class (extending AggregateRoot) as an aggregate root: `@aggregateRoot('01ad9a9f-…')`. */
export function aggregateRoot(id: GuidLike, options: { readonly alias?: string } = {}): (target: Class, context?: unknown) => void {
    const description: AggregateRootDescription = { id: AggregateRootId.from(id), ...(options.alias === undefined ? {} : { alias: options.alias }) };
    return (target, context) => describeClass(decoratedClassOf('aggregateRoot', target, context), aggregateRootKey, description);
}

/** Decorates a method of an aggregate root as the one that rebuilds its state from an event type: `@on(DishPrepared)`. */
export function on(eventType: EventTypeReference, generation?: number): (target: object, contextOrKey?: unknown, descriptor?: PropertyDescriptor) => void {
    return (target, contextOrKey, descriptor) => markMethod<OnMark>(onKey, decoratedMethodOf('on', target, contextOrKey, descriptor), generation === undefined ? { eventType } : { eventType, generation });
}

/** What `@aggregateRoot` said about a class, if it decorated it. */
export function aggregateRootDescriptionOf(type: Class): AggregateRootDescription | undefined {
    return descriptionOf<AggregateRootDescription>(type, aggregateRootKey);
}

/** The methods of a class that `@on` decorated. */
export function onMethodsOf(type: Class): ReadonlyArray<MarkedMethod<OnMark>> {
    return markedMethodsOf<OnMark>(type, onKey);
}
