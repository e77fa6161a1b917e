import { EventType } from '../artifacts/EventType.js';
import type { EventTypeReference, EventTypes } from '../artifacts/EventTypes.js';
import { onMethodsOf } from '../aggregates/aggregateRootDecorators.js';
import type { Class } from '../decorators/decoratorCall.js';
import type { GuidLike } from '../execution/Guid.js';
import type { EmbeddingContext, EmbeddingProjectContext } from './EmbeddingContext.js';
import type { EmbeddingDefinition, EmbeddingDeleteCallback, EmbeddingProjectCallback, EmbeddingUpdateCallback } from './EmbeddingDefinition.js';
import { embeddingDescriptionOf, resolverMethodsOf } from './embeddingDecorators.js';
import { EmbeddingId } from './EmbeddingId.js';

/** Thrown when an embedding cannot be registered as given; the message names the class or id and the fix. */
export class EmbeddingIsInvalid extends Error {
    /** Creates the error with its explanation. */
    constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'EmbeddingIsInvalid';
    }
}

type OnCallback = { readonly eventType: EventTypeReference; readonly generation?: number; readonly project: EmbeddingProjectCallback };

/** Builds an embedding's callbacks: `.forReadModel(Stock).resolveUpdateToEvents(…).resolveDeletionToEvents(…).on(…)`. */
export class EmbeddingBuilderForReadModel<ReadModel> {
    readonly #id: EmbeddingId;
    readonly #readModel: Class | object;
    #resolveUpdate: EmbeddingUpdateCallback | undefined;
    #resolveDeletion: EmbeddingDeleteCallback | undefined;
    readonly #callbacks: OnCallback[] = [];

    /** Starts an embedding of a read model class (or an initial read model object). */
    constructor(id: EmbeddingId, readModel: Class | object) {
        this.#id = id;
        this.#readModel = readModel;
    }

    /** The callback that resolves a wanted state into events (the compare). */
    resolveUpdateToEvents(callback: EmbeddingUpdateCallback<ReadModel>): this {
        this.#resolveUpdate = callback as EmbeddingUpdateCallback;
        return this;
    }

    /** The callback that resolves a deletion into events. */
    resolveDeletionToEvents(callback: EmbeddingDeleteCallback<ReadModel>): this {
        this.#resolveDeletion = callback as EmbeddingDeleteCallback;
        return this;
    }

    /** Projects an event type onto the state. */
    on<Event>(eventType: EventTypeReference, project: EmbeddingProjectCallback<ReadModel, Event>): this;
    on<Event>(eventType: EventTypeReference, generation: number, project: EmbeddingProjectCallback<ReadModel, Event>): this;
    on(eventType: EventTypeReference, generationOrProject: unknown, maybeProject?: unknown): this {
        const project = (typeof generationOrProject === 'function' ? generationOrProject : maybeProject) as EmbeddingProjectCallback | undefined;
        if (typeof project !== 'function') {
            throw new EmbeddingIsInvalid(`Embedding ${this.#id.value}: on(eventType, callback) needs a callback`);
        }
        this.#callbacks.push(typeof generationOrProject === 'number' ? { eventType, generation: generationOrProject, project } : { eventType, project });
        return this;
    }

    /** The classes the on calls refer to. */
    referencedClasses(): ReadonlyArray<Class> {
        return this.#callbacks.map((callback) => callback.eventType).filter((reference): reference is Class => typeof reference === 'function');
    }

    /** The definition; throws EmbeddingIsInvalid naming the missing part. */
    build(eventTypes: EventTypes): EmbeddingDefinition {
        const name = `Embedding ${this.#id.value}`;
        if (this.#resolveUpdate === undefined) {
            throw new EmbeddingIsInvalid(`${name} has no update resolver: call .resolveUpdateToEvents((wanted, current, context) => events) in its builder`);
        }
        if (this.#resolveDeletion === undefined) {
            throw new EmbeddingIsInvalid(`${name} has no deletion resolver: call .resolveDeletionToEvents((current, context) => events) in its builder`);
        }
        if (this.#callbacks.length === 0) {
            throw new EmbeddingIsInvalid(`${name} projects no event type: call .on(EventType, (state, event) => state) in its builder`);
        }
        const readModelType = typeof this.#readModel === 'function' ? this.#readModel as Class : undefined;
        return {
            id: this.#id,
            ...(readModelType === undefined ? {} : { readModelType }),
            initialState: JSON.stringify(readModelType === undefined ? this.#readModel : createReadModel(readModelType, name)),
            resolveUpdate: this.#resolveUpdate,
            resolveDeletion: this.#resolveDeletion,
            handlers: uniqueHandlers(name, this.#callbacks.map((callback) => ({ eventType: resolved(eventTypes, callback.eventType, callback.generation, name), project: callback.project }))),
        };
    }
}

/** Starts an embedding from callbacks: `.createEmbedding(id).forReadModel(Stock)`. */
export class EmbeddingBuilder {
    #forReadModel: EmbeddingBuilderForReadModel<unknown> | undefined;

    /** Starts an embedding; use createEmbedding(id). */
    constructor(readonly id: EmbeddingId) {}

    /** The read model: a class (created with `new` for the initial state) or an initial object. */
    forReadModel<ReadModel>(readModel: (new () => ReadModel) | ReadModel & object): EmbeddingBuilderForReadModel<ReadModel> {
        if (this.#forReadModel !== undefined) {
            throw new EmbeddingIsInvalid(`Embedding ${this.id.value} already has a read model: call forReadModel once`);
        }
        const builder = new EmbeddingBuilderForReadModel<ReadModel>(this.id, readModel as Class | object);
        this.#forReadModel = builder as EmbeddingBuilderForReadModel<unknown>;
        return builder;
    }

    /** The read model builder, or an error naming the fix. */
    readModelBuilder(): EmbeddingBuilderForReadModel<unknown> {
        if (this.#forReadModel === undefined) {
            throw new EmbeddingIsInvalid(`Embedding ${this.id.value} has no read model: call .forReadModel(ReadModelClass) on createEmbedding(id)`);
        }
        return this.#forReadModel;
    }
}

type Registration = { readonly kind: 'class'; readonly type: Class } | { readonly kind: 'builder'; readonly builder: EmbeddingBuilder };

/** Collects the embeddings of a client: `builder.register(Employee)` or `builder.createEmbedding(id).forReadModel(…)`. */
export class EmbeddingsBuilder {
    readonly #registrations: Registration[] = [];

    /** Registers a read model class decorated with @embedding. */
    register(type: Class): EmbeddingsBuilder {
        if (typeof type !== 'function') {
            throw new EmbeddingIsInvalid(`register() takes a read model class decorated with @embedding, not ${String(type)}`);
        }
        this.#registrations.push({ kind: 'class', type });
        return this;
    }

    /** Creates an embedding from callbacks. */
    createEmbedding(id: GuidLike): EmbeddingBuilder {
        const builder = new EmbeddingBuilder(EmbeddingId.from(id));
        this.#registrations.push({ kind: 'builder', builder });
        return builder;
    }

    /** The event type classes the embeddings refer to. */
    referencedClasses(): ReadonlyArray<Class> {
        return this.#registrations.flatMap((registration) => registration.kind === 'builder'
            ? registration.builder.readModelBuilder().referencedClasses()
            : onMethodsOf(registration.type).map((method) => method.mark.eventType).filter((reference): reference is Class => typeof reference === 'function'));
    }

    /** The definitions; throws EmbeddingIsInvalid naming the class and the fix for a misuse. */
    build(eventTypes: EventTypes): ReadonlyArray<EmbeddingDefinition> {
        const definitions = this.#registrations.map((registration) => registration.kind === 'builder' ? registration.builder.readModelBuilder().build(eventTypes) : fromClass(registration.type, eventTypes));
        const seen = new Set<string>();
        for (const definition of definitions) {
            if (seen.has(definition.id.value)) {
                throw new EmbeddingIsInvalid(`Two embeddings have the id ${definition.id.value}: give each its own id`);
            }
            seen.add(definition.id.value);
        }
        return definitions;
    }
}

function fromClass(type: Class, eventTypes: EventTypes): EmbeddingDefinition {
    const name = type.name || '(anonymous class)';
    const description = embeddingDescriptionOf(type);
    if (description === undefined) {
        throw new EmbeddingIsInvalid(`Class ${name} was registered as an embedding but has no @embedding decorator: add @embedding('<embedding id>') above the class`);
    }
    const resolvers = resolverMethodsOf(type);
    const update = resolvers.filter((method) => method.mark === 'update');
    const deletion = resolvers.filter((method) => method.mark === 'deletion');
    if (update.length !== 1) {
        throw new EmbeddingIsInvalid(update.length === 0
            ? `Embedding ${name} has no method that resolves an update to events (its compare): add a method decorated with @resolveUpdateToEvents() that takes the wanted state and the context and returns the events`
            : `Embedding ${name} has ${update.length} @resolveUpdateToEvents methods (${update.map((method) => method.name).join(', ')}): keep one`);
    }
    if (deletion.length !== 1) {
        throw new EmbeddingIsInvalid(deletion.length === 0
            ? `Embedding ${name} has no method that resolves a deletion to events: add a method decorated with @resolveDeletionToEvents() that takes the context and returns the events`
            : `Embedding ${name} has ${deletion.length} @resolveDeletionToEvents methods (${deletion.map((method) => method.name).join(', ')}): keep one`);
    }
    const methods = onMethodsOf(type);
    if (methods.length === 0) {
        throw new EmbeddingIsInvalid(`Embedding ${name} has no @on methods: decorate a method that changes the state with @on(TheEventType)`);
    }
    // Every method is called on the current state (`this`), as SDK 17 does.
    const updateMethod = update[0]!.method as (this: unknown, received: unknown, context: EmbeddingContext) => unknown;
    const deletionMethod = deletion[0]!.method as (this: unknown, context: EmbeddingContext) => unknown;
    return {
        id: description.id,
        readModelType: type,
        initialState: JSON.stringify(createReadModel(type, `Embedding ${name}`)),
        resolveUpdate: (received, current, context) => updateMethod.call(current, received, context),
        resolveDeletion: (current, context) => deletionMethod.call(current, context),
        handlers: uniqueHandlers(`Embedding ${name}`, methods.map((method) => {
            const project = method.method as (this: unknown, event: unknown, context: EmbeddingProjectContext) => unknown;
            return {
                eventType: resolved(eventTypes, method.mark.eventType, method.mark.generation, `Embedding ${name}'s method ${method.name}`),
                project: (async (state: unknown, event: unknown, context: EmbeddingProjectContext) => {
                    const answer = await project.call(state, event, context);
                    return answer === undefined ? state : answer;
                }) as EmbeddingProjectCallback,
            };
        })),
    };
}

function createReadModel(type: Class, name: string): object {
    try {
        return new (type as new () => object)();
    } catch (error) {
        throw new EmbeddingIsInvalid(`${name}: could not create its initial state with 'new ${type.name}()': give the read model class a constructor without arguments`, { cause: error });
    }
}

function resolved(eventTypes: EventTypes, reference: EventTypeReference, generation: number | undefined, where: string): EventType {
    let eventType: EventType;
    try {
        eventType = eventTypes.resolve(reference);
    } catch (error) {
        throw new EmbeddingIsInvalid(`${where} projects an unknown event type: ${(error as Error).message}`, { cause: error });
    }
    return generation === undefined || generation === eventType.generation ? eventType : new EventType(eventType.id, generation, eventType.alias);
}

function uniqueHandlers<Handler extends { readonly eventType: EventType }>(name: string, handlers: ReadonlyArray<Handler>): ReadonlyArray<Handler> {
    const keys = new Set<string>();
    for (const handler of handlers) {
        if (keys.has(handler.eventType.key)) {
            throw new EmbeddingIsInvalid(`${name} has two @on methods for event type ${handler.eventType.toString()}: keep one`);
        }
        keys.add(handler.eventType.key);
    }
    return handlers;
}

/** The callback `withEmbeddings` takes. */
export type EmbeddingsBuilderCallback = (builder: EmbeddingsBuilder) => void;
