import type { Class } from '../decorators/decoratorCall.js';
import type { GuidLike } from '../execution/Guid.js';
import { EventType } from './EventType.js';
import { decoratedEventTypeOf } from './eventTypeDecorator.js';

/** What can name an event type in the SDK's calls: a decorated class, an EventType, or an event type id. */
export type EventTypeReference = Class | EventType | GuidLike;

/** Thrown when the SDK cannot tell the event type of an event or a class; says how to fix it. */
export class UnknownEventType extends Error {
    /** Creates the error for what was looked up. */
    constructor(what: string) {
        super(`${what} has no event type: decorate its class with @eventType('<event type id>') and register it with .withEventTypes((eventTypes) => eventTypes.register(TheClass)), or pass the event type to the call`);
        this.name = 'UnknownEventType';
    }
}

/** Thrown when two classes claim one event type, or one class two event types. */
export class EventTypeIsAssociatedTwice extends Error {
    /** Creates the error naming the clash. */
    constructor(readonly description: string) {
        super(description);
        this.name = 'EventTypeIsAssociatedTwice';
    }
}

/** The event types a client knows: which class stands for which event type, in both directions. Immutable once built. */
export class EventTypes {
    readonly #byClass: ReadonlyMap<Class, EventType>;
    readonly #byKey: ReadonlyMap<string, Class>;

    /** Creates the registry from class-to-event-type associations; throws EventTypeIsAssociatedTwice on a clash. */
    constructor(associations: ReadonlyArray<readonly [Class, EventType]>) {
        const byClass = new Map<Class, EventType>();
        const byKey = new Map<string, Class>();
        for (const [type, eventType] of associations) {
            const known = byClass.get(type);
            if (known !== undefined && !known.equals(eventType)) {
                throw new EventTypeIsAssociatedTwice(`Class ${type.name} is associated with event type ${known.key} and with ${eventType.key}: give each class one event type`);
            }
            const other = byKey.get(eventType.key);
            if (other !== undefined && other !== type) {
                throw new EventTypeIsAssociatedTwice(`Event type ${eventType.key} is associated with classes ${other.name} and ${type.name}: give each event type one class`);
            }
            byClass.set(type, eventType);
            byKey.set(eventType.key, type);
        }
        this.#byClass = byClass;
        this.#byKey = byKey;
    }

    /** Every registered event type. */
    get all(): ReadonlyArray<EventType> {
        return [...this.#byClass.values()];
    }

    /** The class registered for an event type, if any. */
    classFor(eventType: EventType): Class | undefined {
        return this.#byKey.get(eventType.key);
    }

    /** The event type of a reference: a class (registered or decorated), an EventType or an id; throws UnknownEventType. */
    resolve(reference: EventTypeReference): EventType {
        if (reference instanceof EventType) {
            return reference;
        }
        if (typeof reference === 'function') {
            const eventType = this.#byClass.get(reference) ?? decoratedEventTypeOf(reference);
            if (eventType === undefined) {
                throw new UnknownEventType(`Class ${reference.name || '(anonymous)'}`);
            }
            return eventType;
        }
        return EventType.from(reference);
    }

    /** The event type of an event object: the given type if any, else its class's; throws UnknownEventType. */
    ofEvent(event: unknown, given?: EventTypeReference): EventType {
        if (given !== undefined) {
            return this.resolve(given);
        }
        const type = typeof event === 'object' && event !== null ? (event as object).constructor as Class : undefined;
        if (type === undefined || (type as unknown) === Object) {
            throw new UnknownEventType(`An event given as a plain object (${JSON.stringify(event)?.slice(0, 80)})`);
        }
        return this.resolve(type);
    }

    /** Turns committed JSON content into an event: an object with the registered class's prototype when there is one (its constructor is not run). */
    eventFrom(content: string, eventType: EventType): unknown {
        const parsed = JSON.parse(content) as unknown;
        const type = this.classFor(eventType);
        if (type === undefined || typeof parsed !== 'object' || parsed === null) {
            return parsed;
        }
        return Object.assign(Object.create(type.prototype as object) as object, parsed);
    }
}
