import { EventType } from '../artifacts/EventType.js';
import type { EventTypeReference, EventTypes } from '../artifacts/EventTypes.js';
import { onMethodsOf } from '../aggregates/aggregateRootDecorators.js';
import type { Class } from '../decorators/decoratorCall.js';
import { ScopeId } from '../eventStore/ScopeId.js';
import type { GuidLike } from '../execution/Guid.js';
import { keySelectorFrom, type KeySelector, type KeySelectorBuilderCallback } from './keySelectors.js';
import type { ProjectionCallback, ProjectionDefinition } from './ProjectionDefinition.js';
import { projectionDescriptionOf } from './projectionDecorator.js';
import { ProjectionId } from './ProjectionId.js';
import type { ProjectionContext } from './ProjectionContext.js';

/** Thrown when a projection cannot be registered as given; the message names the class or id and the fix. */
export class ProjectionIsInvalid extends Error {
    /** Creates the error with its explanation. */
    constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'ProjectionIsInvalid';
    }
}

/** SDK 17's name for registering a class that is not a class. */
export { ProjectionIsInvalid as CannotRegisterProjectionThatIsNotAClass };

type OnCallback = { readonly eventType: EventTypeReference; readonly generation?: number; readonly keySelector: KeySelectorBuilderCallback<never>; readonly project: ProjectionCallback };

/** Builds a projection's event callbacks for a read model: `.forReadModel(Tally).on(Ordered, (_) => _.keyFromEventSource(), (tally, event) => …)`. */
export class ProjectionBuilderForReadModel<ReadModel> {
    readonly #id: ProjectionId;
    readonly #readModel: Class | object;
    #scopeId = ScopeId.default;
    readonly #callbacks: OnCallback[] = [];

    /** Starts a projection of a read model class (or an initial read model object). */
    constructor(id: ProjectionId, readModel: Class | object) {
        this.#id = id;
        this.#readModel = readModel;
    }

    /** Projects the events of another scope (events received over the Event Horizon). */
    inScope(scopeId: GuidLike): this {
        this.#scopeId = ScopeId.from(scopeId);
        return this;
    }

    /** Projects an event type onto the read model of the key the selector chooses. */
    on<Event>(eventType: EventTypeReference, keySelector: KeySelectorBuilderCallback<Event>, project: ProjectionCallback<ReadModel, Event>): this;
    on<Event>(eventType: EventTypeReference, generation: number, keySelector: KeySelectorBuilderCallback<Event>, project: ProjectionCallback<ReadModel, Event>): this;
    on(eventType: EventTypeReference, ...rest: ReadonlyArray<unknown>): this {
        const [generation, keySelector, project] = (typeof rest[0] === 'number' ? rest : [undefined, ...rest]) as [number | undefined, KeySelectorBuilderCallback<never> | undefined, ProjectionCallback | undefined];
        if (typeof keySelector !== 'function' || typeof project !== 'function') {
            throw new ProjectionIsInvalid(`Projection ${this.#id.value}: on(eventType, keySelector, callback) needs a key selector callback and a projection callback, e.g. .on(Ordered, (_) => _.keyFromEventSource(), (readModel, event) => readModel)`);
        }
        this.#callbacks.push({ eventType, ...(generation === undefined ? {} : { generation }), keySelector, project });
        return this;
    }

    /** The classes the on calls refer to. */
    referencedClasses(): ReadonlyArray<Class> {
        return this.#callbacks.map((callback) => callback.eventType).filter((reference): reference is Class => typeof reference === 'function');
    }

    /** The definition, with event types and key selectors resolved. */
    build(eventTypes: EventTypes): ProjectionDefinition {
        const name = `Projection ${this.#id.value}`;
        if (this.#callbacks.length === 0) {
            throw new ProjectionIsInvalid(`${name} projects no event type: call .on(EventType, (_) => _.keyFromEventSource(), (readModel, event) => readModel) in its builder`);
        }
        const readModelType = typeof this.#readModel === 'function' ? this.#readModel as Class : undefined;
        const initial = readModelType === undefined ? this.#readModel : createReadModel(readModelType, name);
        return {
            id: this.#id,
            scopeId: this.#scopeId,
            ...(readModelType === undefined ? {} : { readModelType }),
            initialState: JSON.stringify(initial),
            handlers: uniqueHandlers(name, this.#callbacks.map((callback) => ({
                eventType: resolved(eventTypes, callback.eventType, callback.generation, name),
                keySelector: keySelectorFrom(callback.keySelector, `${name}'s on(${describeReference(callback.eventType)})`),
                project: callback.project,
            }))),
        };
    }
}

/** Starts a projection from callbacks: `.createProjection(id).forReadModel(Tally)`. */
export class ProjectionBuilder {
    #forReadModel: ProjectionBuilderForReadModel<unknown> | undefined;

    /** Starts a projection; use createProjection(id). */
    constructor(readonly id: ProjectionId) {}

    /** The read model: a class (created with `new` for the initial state) or an initial object. */
    forReadModel<ReadModel>(readModel: (new () => ReadModel) | ReadModel & object): ProjectionBuilderForReadModel<ReadModel> {
        if (this.#forReadModel !== undefined) {
            throw new ProjectionIsInvalid(`Projection ${this.id.value} already has a read model: call forReadModel once`);
        }
        const builder = new ProjectionBuilderForReadModel<ReadModel>(this.id, readModel as Class | object);
        this.#forReadModel = builder as ProjectionBuilderForReadModel<unknown>;
        return builder;
    }

    /** The read model builder, or an error naming the fix. */
    readModelBuilder(): ProjectionBuilderForReadModel<unknown> {
        if (this.#forReadModel === undefined) {
            throw new ProjectionIsInvalid(`Projection ${this.id.value} has no read model: call .forReadModel(ReadModelClass).on(…) on createProjection(id)`);
        }
        return this.#forReadModel;
    }
}

type Registration = { readonly kind: 'class'; readonly type: Class } | { readonly kind: 'builder'; readonly builder: ProjectionBuilder };

/** Collects the projections of a client: `builder.register(DishCounter)` or `builder.createProjection(id).forReadModel(…)`. */
export class ProjectionsBuilder {
    readonly #registrations: Registration[] = [];

    /** Registers a read model class decorated with @projection, with @on methods. */
    register(type: Class): ProjectionsBuilder {
        if (typeof type !== 'function') {
            throw new ProjectionIsInvalid(`register() takes a read model class decorated with @projection, not ${String(type)}`);
        }
        this.#registrations.push({ kind: 'class', type });
        return this;
    }

    /** Creates a projection from callbacks: `.createProjection(id).forReadModel(ReadModel).on(…)`. */
    createProjection(id: GuidLike): ProjectionBuilder {
        const builder = new ProjectionBuilder(ProjectionId.from(id));
        this.#registrations.push({ kind: 'builder', builder });
        return builder;
    }

    /** The event type classes the projections refer to. */
    referencedClasses(): ReadonlyArray<Class> {
        return this.#registrations.flatMap((registration) => registration.kind === 'builder'
            ? registration.builder.readModelBuilder().referencedClasses()
            : onMethodsOf(registration.type).map((method) => method.mark.eventType).filter((reference): reference is Class => typeof reference === 'function'));
    }

    /** The definitions; throws ProjectionIsInvalid naming the class and the fix for a misuse. */
    build(eventTypes: EventTypes): ReadonlyArray<ProjectionDefinition> {
        const definitions = this.#registrations.map((registration) => registration.kind === 'builder' ? registration.builder.readModelBuilder().build(eventTypes) : fromClass(registration.type, eventTypes));
        const seen = new Set<string>();
        for (const definition of definitions) {
            const key = `${definition.scopeId.value}/${definition.id.value}`;
            if (seen.has(key)) {
                throw new ProjectionIsInvalid(`Two projections have the id ${definition.id.value} in scope ${definition.scopeId.value}: give each its own id`);
            }
            seen.add(key);
        }
        return definitions;
    }
}

function fromClass(type: Class, eventTypes: EventTypes): ProjectionDefinition {
    const name = type.name || '(anonymous class)';
    const description = projectionDescriptionOf(type);
    if (description === undefined) {
        throw new ProjectionIsInvalid(`Class ${name} was registered as a projection but has no @projection decorator: add @projection('<projection id>') above the class`);
    }
    const methods = onMethodsOf(type);
    if (methods.length === 0) {
        throw new ProjectionIsInvalid(`Projection ${name} has no @on methods: decorate a method with @on(TheEventType, (_) => _.keyFromEventSource())`);
    }
    const handlers = methods.map((method) => {
        if (method.mark.keySelector === undefined) {
            throw new ProjectionIsInvalid(`Projection ${name}'s method ${method.name} has @on without a key selector: write @on(TheEventType, (_) => _.keyFromEventSource()) (or keyFromPartitionId(), keyFromProperty('name'))`);
        }
        const project = method.method as (this: unknown, event: unknown, context: ProjectionContext) => unknown;
        return {
            eventType: resolved(eventTypes, method.mark.eventType, method.mark.generation, `Projection ${name}'s method ${method.name}`),
            keySelector: keySelectorFrom(method.mark.keySelector, `Projection ${name}'s method ${method.name}`),
            // The method changes the read model it is called on, and may answer ProjectionResult.delete.
            project: (async (readModel: unknown, event: unknown, context: ProjectionContext) => {
                const answer = await project.call(readModel, event, context);
                return answer === undefined ? readModel : answer;
            }) as ProjectionCallback,
        };
    });
    return { id: description.id, scopeId: description.scopeId, readModelType: type, initialState: JSON.stringify(createReadModel(type, `Projection ${name}`)), handlers: uniqueHandlers(`Projection ${name}`, handlers) };
}

function describeReference(reference: EventTypeReference): string {
    if (typeof reference === 'function') {
        return reference.name || '(anonymous class)';
    }
    return typeof reference === 'string' ? reference : reference instanceof EventType ? reference.toString() : String(reference.value);
}

function createReadModel(type: Class, name: string): object {
    try {
        return new (type as new () => object)();
    } catch (error) {
        throw new ProjectionIsInvalid(`${name}: could not create its initial read model with 'new ${type.name}()': give the read model class a constructor without arguments`, { cause: error });
    }
}

function resolved(eventTypes: EventTypes, reference: EventTypeReference, generation: number | undefined, where: string): EventType {
    let eventType: EventType;
    try {
        eventType = eventTypes.resolve(reference);
    } catch (error) {
        throw new ProjectionIsInvalid(`${where} projects an unknown event type: ${(error as Error).message}`, { cause: error });
    }
    return generation === undefined || generation === eventType.generation ? eventType : new EventType(eventType.id, generation, eventType.alias);
}

function uniqueHandlers<Handler extends { readonly eventType: EventType; readonly keySelector: KeySelector }>(name: string, handlers: ReadonlyArray<Handler>): ReadonlyArray<Handler> {
    const keys = new Set<string>();
    for (const handler of handlers) {
        if (keys.has(handler.eventType.key)) {
            throw new ProjectionIsInvalid(`${name} has two @on methods for event type ${handler.eventType.toString()}: keep one`);
        }
        keys.add(handler.eventType.key);
    }
    return handlers;
}

/** The callback `withProjections` takes. */
export type ProjectionsBuilderCallback = (builder: ProjectionsBuilder) => void;
