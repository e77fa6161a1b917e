import type { Class } from '../decorators/decoratorCall.js';
import type { GuidLike } from '../execution/Guid.js';
import { EventType } from './EventType.js';
import { decoratedEventTypeOf } from './eventTypeDecorator.js';
import { EventTypes } from './EventTypes.js';

/** Thrown when a class registered as an event type has no @eventType decorator. */
export class MissingEventTypeDecorator extends Error {
    /** Creates the error naming the class. */
    constructor(type: Class) {
        super(`Class ${type.name || '(anonymous)'} was registered as an event type but has no @eventType decorator: add @eventType('<event type id>') above the class, or use eventTypes.associate(${type.name}, '<event type id>')`);
        this.name = 'MissingEventTypeDecorator';
    }
}

/** Collects the event types a client registers: `eventTypes.register(DishPrepared)`. */
export class EventTypesBuilder {
    readonly #associations: Array<readonly [Class, EventType]> = [];

    /** Registers a class decorated with @eventType; throws MissingEventTypeDecorator when it is not decorated. */
    register(type: Class): EventTypesBuilder {
        const eventType = decoratedEventTypeOf(type);
        if (eventType === undefined) {
            throw new MissingEventTypeDecorator(type);
        }
        this.#associations.push([type, eventType]);
        return this;
    }

    /** Associates a class with an event type without a decorator. */
    associate(type: Class, eventType: EventType | GuidLike, generation = 1): EventTypesBuilder {
        this.#associations.push([type, eventType instanceof EventType ? eventType : EventType.from(eventType, generation)]);
        return this;
    }

    /** Builds the registry, adding the classes that other registrations (handlers, aggregates) referred to. */
    build(referenced: ReadonlyArray<Class> = []): EventTypes {
        const associations = [...this.#associations];
        for (const type of referenced) {
            const eventType = decoratedEventTypeOf(type);
            if (eventType !== undefined && !associations.some(([known]) => known === type)) {
                associations.push([type, eventType]);
            }
        }
        return new EventTypes(associations);
    }
}

/** The callback `withEventTypes` takes. */
export type EventTypesBuilderCallback = (builder: EventTypesBuilder) => void;
