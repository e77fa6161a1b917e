import type { EventTypeReference } from '../artifacts/EventTypes.js';
import { decoratedClassOf, decoratedMethodOf, describeClass, descriptionOf, markedMethodsOf, markMethod, type MarkedMethod, type Class } from '../decorators/decoratorCall.js';
import { AggregateRootId } from '../eventStore/AggregateRootId.js';
import type { GuidLike } from '../execution/Guid.js';
import type { KeySelectorBuilderCallback } from '../projections/keySelectors.js';

/** What `@aggregateRoot` says about a class. */
export type AggregateRootDescription = { readonly id: AggregateRootId; readonly alias?: string };

/**
 * What `@on` says about a method: the event type it rebuilds state from (aggregates, embeddings) or projects (then with
 * the key selector callback, for projections).
 */
export type OnMark = { readonly eventType: EventTypeReference; readonly generation?: number; readonly keySelector?: KeySelectorBuilderCallback<never> };

const aggregateRootKey = Symbol.for('@dolittle-typescript/sdk.aggregateRoot');
const onKey = Symbol.for('@dolittle-typescript/sdk.aggregates.on');

/** Decorates a class (extending AggregateRoot) as an aggregate root: `@aggregateRoot('01ad9a9f-…')`. */
export function aggregateRoot(id: GuidLike, options: { readonly alias?: string } = {}): (target: Class, context?: unknown) => void {
    const description: AggregateRootDescription = { id: AggregateRootId.from(id), ...(options.alias === undefined ? {} : { alias: options.alias }) };
    return (target, context) => describeClass(decoratedClassOf('aggregateRoot', target, context), aggregateRootKey, description);
}

/**
 * Decorates a method as the one for an event type. SDK 17 has one `@on` per package; this SDK has one for all:
 * aggregate roots and embeddings take `@on(DishPrepared)`, projections also the key selector:
 * `@on(DishPrepared, (_) => _.keyFromProperty('dish'))`.
 */
export function on<Event = never>(eventType: EventTypeReference, generationOrKeySelector?: number | KeySelectorBuilderCallback<Event>, keySelector?: KeySelectorBuilderCallback<Event>): (target: object, contextOrKey?: unknown, descriptor?: PropertyDescriptor) => void {
    const generation = typeof generationOrKeySelector === 'number' ? generationOrKeySelector : undefined;
    const selector = (typeof generationOrKeySelector === 'function' ? generationOrKeySelector : keySelector) as KeySelectorBuilderCallback<never> | undefined;
    const mark: OnMark = { eventType, ...(generation === undefined ? {} : { generation }), ...(selector === undefined ? {} : { keySelector: selector }) };
    return (target, contextOrKey, descriptor) => markMethod<OnMark>(onKey, decoratedMethodOf('on', target, contextOrKey, descriptor), mark);
}

/** What `@aggregateRoot` said about a class, if it decorated it. */
export function aggregateRootDescriptionOf(type: Class): AggregateRootDescription | undefined {
    return descriptionOf<AggregateRootDescription>(type, aggregateRootKey);
}

/** The methods of a class that `@on` decorated. */
export function onMethodsOf(type: Class): ReadonlyArray<MarkedMethod<OnMark>> {
    return markedMethodsOf<OnMark>(type, onKey);
}
