import type { GuidLike } from '../execution/Guid.js';
import { decoratedClassOf, describeClass, descriptionOf, type Class } from '../decorators/decoratorCall.js';
import { EventType } from './EventType.js';
import { EventTypeId } from './EventTypeId.js';

/** The options of `@eventType`: the generation (1 unless told) and an alias. */
export type EventTypeOptions = { readonly generation?: number; readonly alias?: string };

const eventTypeKey = Symbol.for('@dolittle-typescript/sdk.eventType');

/**
 * Decorates a class as an event type with the given id: `@eventType('1844473f-…')`. The second argument is the
 * generation or options. Works with standard decorators and with experimentalDecorators.
 */
export function eventType(id: GuidLike, generationOrOptions?: number | EventTypeOptions): (target: Class, context?: unknown) => void {
    const options = typeof generationOrOptions === 'number' ? { generation: generationOrOptions } : generationOrOptions ?? {};
    const type = new EventType(EventTypeId.from(id), options.generation ?? 1, options.alias);
    return (target, context) => {
        const decorated = decoratedClassOf('eventType', target, context);
        describeClass(decorated, eventTypeKey, new EventType(type.id, type.generation, type.alias ?? decorated.name));
    };
}

/** The event type a class was decorated with, if it was. */
export function decoratedEventTypeOf(type: Class): EventType | undefined {
    return descriptionOf<EventType>(type, eventTypeKey);
}
