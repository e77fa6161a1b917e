import type { Class } from '../decorators/decoratorCall.js';
import { EventType } from '../artifacts/EventType.js';
import type { EventTypeReference, EventTypes } from '../artifacts/EventTypes.js';
import type { EventContext } from '../eventStore/EventContext.js';
import { ScopeId } from '../eventStore/ScopeId.js';
import type { GuidLike } from '../execution/Guid.js';
import { eventHandlerDescriptionOf, handlesMethodsOf } from './eventHandler.js';
import type { EventHandlerDefinition, HandleMethod } from './EventHandlerDefinition.js';
import { EventHandlerId } from './EventHandlerId.js';

/** Thrown when an event handler cannot be registered as given; the message names the class or id and the fix. */
export class EventHandlerIsInvalid extends Error {
    /** Creates the error with its explanation. */
    constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'EventHandlerIsInvalid';
    }
}

/** Builds an event handler from callbacks: `builder.createEventHandler(id, (b) => b.partitioned().handle(DishPrepared, …))`. */
export class EventHandlerBuilder {
    #partitioned = true;
    #scopeId = ScopeId.default;
    #alias: string | undefined;
    readonly #handlers: Array<{ readonly eventType: EventTypeReference; readonly generation?: number; readonly handle: HandleMethod }> = [];

    /** Makes the handler partitioned (the default): each event source's events are handled in order, independently. */
    partitioned(): EventHandlerBuilder {
        this.#partitioned = true;
        return this;
    }

    /** Makes the handler unpartitioned: one failing event stops all events after it. */
    unpartitioned(): EventHandlerBuilder {
        this.#partitioned = false;
        return this;
    }

    /** Handles the events of another scope (events received over the Event Horizon). */
    inScope(scopeId: GuidLike): EventHandlerBuilder {
        this.#scopeId = ScopeId.from(scopeId);
        return this;
    }

    /** Names the handler for people. */
    withAlias(alias: string): EventHandlerBuilder {
        this.#alias = alias;
        return this;
    }

    /** Handles an event type (a decorated class, an EventType or an id) with a callback. */
    handle<Event>(eventType: EventTypeReference, handle: (event: Event, context: EventContext) => unknown): EventHandlerBuilder;
    handle<Event>(eventType: EventTypeReference, generation: number, handle: (event: Event, context: EventContext) => unknown): EventHandlerBuilder;
    handle(eventType: EventTypeReference, generationOrHandle: number | HandleMethod, maybeHandle?: HandleMethod): EventHandlerBuilder {
        const handle = typeof generationOrHandle === 'function' ? generationOrHandle : maybeHandle;
        if (handle === undefined) {
            throw new EventHandlerIsInvalid('handle(eventType, generation, callback) needs a callback');
        }
        this.#handlers.push(typeof generationOrHandle === 'number' ? { eventType, generation: generationOrHandle, handle } : { eventType, handle });
        return this;
    }

    /** The classes this builder's handle calls refer to. */
    referencedClasses(): ReadonlyArray<Class> {
        return this.#handlers.map((handler) => handler.eventType).filter((reference): reference is Class => typeof reference === 'function');
    }

    /** The definition, with the event types resolved. */
    build(id: EventHandlerId, eventTypes: EventTypes): EventHandlerDefinition {
        if (this.#handlers.length === 0) {
            throw new EventHandlerIsInvalid(`Event handler ${id.value} handles no event type: call .handle(EventType, (event, context) => …) in its builder`);
        }
        return {
            id,
            scopeId: this.#scopeId,
            partitioned: this.#partitioned,
            ...(this.#alias === undefined ? {} : { alias: this.#alias }),
            handlers: this.#handlers.map((handler) => ({ eventType: resolved(eventTypes, handler.eventType, handler.generation), handle: handler.handle })),
        };
    }
}

function resolved(eventTypes: EventTypes, reference: EventTypeReference, generation: number | undefined): EventType {
    const eventType = eventTypes.resolve(reference);
    return generation === undefined || generation === eventType.generation ? eventType : new EventType(eventType.id, generation, eventType.alias);
}

type Registration =
    | { readonly kind: 'class'; readonly type: Class; readonly instance?: object }
    | { readonly kind: 'builder'; readonly id: EventHandlerId; readonly builder: EventHandlerBuilder };

/** Collects the event handlers of a client: `builder.register(DishHandler)` or `builder.createEventHandler(id, …)`. */
export class EventHandlersBuilder {
    readonly #registrations: Registration[] = [];

    /** Registers a class decorated with @eventHandler; its @handles methods are called on one instance (created with `new`, unless given). */
    register(type: Class, instance?: object): EventHandlersBuilder {
        if (typeof type !== 'function') {
            throw new EventHandlerIsInvalid(`register() takes an event handler class decorated with @eventHandler, not ${String(type)}`);
        }
        this.#registrations.push(instance === undefined ? { kind: 'class', type } : { kind: 'class', type, instance });
        return this;
    }

    /** Creates an event handler from callbacks. */
    createEventHandler(id: GuidLike, build: (builder: EventHandlerBuilder) => void): EventHandlersBuilder {
        const builder = new EventHandlerBuilder();
        build(builder);
        this.#registrations.push({ kind: 'builder', id: EventHandlerId.from(id), builder });
        return this;
    }

    /** The event type classes the registered handlers refer to (so that they need not be registered twice). */
    referencedClasses(): ReadonlyArray<Class> {
        return this.#registrations.flatMap((registration) => registration.kind === 'builder'
            ? registration.builder.referencedClasses()
            : handlesMethodsOf(registration.type).map((method) => method.mark.eventType).filter((reference): reference is Class => typeof reference === 'function'));
    }

    /** The definitions; throws EventHandlerIsInvalid naming the class and the fix for a misuse. */
    build(eventTypes: EventTypes): ReadonlyArray<EventHandlerDefinition> {
        const definitions = this.#registrations.map((registration) => registration.kind === 'builder' ? registration.builder.build(registration.id, eventTypes) : fromClass(registration.type, registration.instance, eventTypes));
        const seen = new Set<string>();
        for (const definition of definitions) {
            if (seen.has(definition.id.value)) {
                throw new EventHandlerIsInvalid(`Two event handlers have the id ${definition.id.value}: give each its own id`);
            }
            seen.add(definition.id.value);
        }
        return definitions;
    }
}

function fromClass(type: Class, given: object | undefined, eventTypes: EventTypes): EventHandlerDefinition {
    const name = type.name || '(anonymous class)';
    const description = eventHandlerDescriptionOf(type);
    if (description === undefined) {
        throw new EventHandlerIsInvalid(`Class ${name} was registered as an event handler but has no @eventHandler decorator: add @eventHandler('<event handler id>') above the class`);
    }
    const methods = handlesMethodsOf(type);
    if (methods.length === 0) {
        throw new EventHandlerIsInvalid(`Event handler ${name} has no @handles methods: decorate a method with @handles(TheEventType)`);
    }
    let instance: object;
    try {
        instance = given ?? new (type as new () => object)();
    } catch (error) {
        throw new EventHandlerIsInvalid(`Could not create an instance of event handler ${name} with 'new ${name}()': give it a constructor without arguments, or register an instance with register(${name}, instance)`, { cause: error });
    }
    const handlers = methods.map((method) => {
        let eventType: EventType;
        try {
            eventType = resolved(eventTypes, method.mark.eventType, method.mark.generation);
        } catch (error) {
            throw new EventHandlerIsInvalid(`Event handler ${name}'s method ${method.name} handles an unknown event type: ${(error as Error).message}`, { cause: error });
        }
        return { eventType, handle: (event: unknown, context: EventContext) => (method.method as (this: object, event: unknown, context: EventContext) => unknown).call(instance, event, context) };
    });
    const keys = new Set<string>();
    for (const handler of handlers) {
        if (keys.has(handler.eventType.key)) {
            throw new EventHandlerIsInvalid(`Event handler ${name} has two @handles methods for event type ${handler.eventType.toString()}: keep one`);
        }
        keys.add(handler.eventType.key);
    }
    return { id: description.id, scopeId: description.scopeId, partitioned: description.partitioned, ...(description.alias === undefined ? {} : { alias: description.alias }), handlers };
}

/** The callback `withEventHandlers` takes. */
export type EventHandlersBuilderCallback = (builder: EventHandlersBuilder) => void;
