import { embeddingsService, embeddingStoreService, guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import type { RuntimeConnection } from '../../connection/RuntimeConnection.js';
import type { Class } from '../../decorators/decoratorCall.js';
import type { ExecutionContext } from '../../execution/ExecutionContext.js';
import type { GuidLike } from '../../execution/Guid.js';
import { TenantId } from '../../execution/TenantId.js';
import { Key } from '../../projections/Key.js';
import { CurrentState } from '../../projections/store/CurrentState.js';
import { embeddingDescriptionOf } from '../embeddingDecorators.js';
import { EmbeddingId } from '../EmbeddingId.js';

/** Thrown when the Runtime answers an embedding store read with a failure. */
export class FailedToGetEmbedding extends Error {
    /** Creates the error naming the embedding, what was read and the Runtime's reason. */
    constructor(readonly embedding: EmbeddingId, what: string, reason: string) {
        super(`Could not get ${what} of embedding ${embedding.value}: ${reason}`);
        this.name = 'FailedToGetEmbedding';
    }
}

/** Thrown when reading one embedding state fails. */
export class FailedToGetEmbeddingState extends FailedToGetEmbedding {
    /** Creates the error naming the embedding, key and reason. */
    constructor(embedding: EmbeddingId, key: Key, reason: string) {
        super(embedding, `the state of key '${key.value}'`, reason);
        this.name = 'FailedToGetEmbeddingState';
    }
}

/** Thrown when reading an embedding's keys fails. */
export class FailedToGetEmbeddingKeys extends FailedToGetEmbedding {
    /** Creates the error naming the embedding and reason. */
    constructor(embedding: EmbeddingId, reason: string) {
        super(embedding, 'the keys', reason);
        this.name = 'FailedToGetEmbeddingKeys';
    }
}

/** Thrown when the Runtime could not bring an embedding to the wanted state (the resolver failed, or its events never got there). */
export class FailedToGetUpdatedState extends Error {
    /** Creates the error naming the embedding, key and the Runtime's reason. */
    constructor(readonly embedding: EmbeddingId, readonly key: Key, reason: string) {
        super(`Could not update key '${key.value}' of embedding ${embedding.value}: ${reason}`);
        this.name = 'FailedToGetUpdatedState';
    }
}

/** Thrown when the Runtime could not delete an embedding's state. */
export class FailedToDelete extends Error {
    /** Creates the error naming the embedding, key and the Runtime's reason. */
    constructor(readonly embedding: EmbeddingId, readonly key: Key, reason: string) {
        super(`Could not delete key '${key.value}' of embedding ${embedding.value}: ${reason}`);
        this.name = 'FailedToDelete';
    }
}

/** Thrown when a read model class is used for an embedding, but no embedding is known for it. */
export class NoEmbeddingAssociatedWithType extends Error {
    /** Creates the error naming the class and the fix. */
    constructor(type: Class) {
        super(`No embedding is associated with read model class ${type.name || '(anonymous)'}: decorate it with @embedding('<id>') (or register it with withEmbeddings(…)), or pass the embedding id`);
        this.name = 'NoEmbeddingAssociatedWithType';
    }
}

/** Which read model class stands for which embedding: the registered ones, else the @embedding decorator. */
export class EmbeddingAssociations {
    readonly #byType: ReadonlyMap<Class, EmbeddingId>;

    /** Creates the associations of the registered read model classes. */
    constructor(associations: ReadonlyArray<readonly [Class, EmbeddingId]>) {
        this.#byType = new Map(associations);
    }

    /** The embedding of a read model class; throws NoEmbeddingAssociatedWithType. */
    of(type: Class): EmbeddingId {
        const known = this.#byType.get(type) ?? embeddingDescriptionOf(type)?.id;
        if (known === undefined) {
            throw new NoEmbeddingAssociatedWithType(type);
        }
        return known;
    }
}

type Target = { readonly type: Class | undefined; readonly embedding: EmbeddingId };

/** The states of one tenant's embeddings: `get(ReadModel, key)`, `get(key, embeddingId)`, getAll and getKeys likewise. */
export class EmbeddingStore {
    protected readonly connection: RuntimeConnection;
    protected readonly callContext: dolittle.services.CallRequestContext.$Properties;
    readonly #associations: EmbeddingAssociations;

    /** Creates the store of the tenant in the execution context. */
    constructor(connection: RuntimeConnection, executionContext: ExecutionContext, associations: EmbeddingAssociations) {
        this.connection = connection;
        this.callContext = { executionContext: executionContext.toWire() };
        this.#associations = associations;
    }

    /** The state of a key (the initial state when it has none). */
    get<ReadModel>(type: new (...args: never[]) => ReadModel, key: unknown, embedding?: GuidLike): Promise<CurrentState<ReadModel>>;
    get(key: unknown, embedding: GuidLike): Promise<CurrentState<unknown>>;
    async get(...args: ReadonlyArray<unknown>): Promise<CurrentState<unknown>> {
        const typed = typeof args[0] === 'function';
        const key = Key.from(typed ? args[1] : args[0]);
        const target = this.target(typed ? args[0] as Class : undefined, (typed ? args[2] : args[1]) as GuidLike | undefined, 'get(key, embeddingId)');
        const response = await this.connection.call(embeddingStoreService.getOne, { callContext: this.callContext, embeddingId: guidToUuid(target.embedding.value), key: key.value });
        if (response.failure || !response.state) {
            throw new FailedToGetEmbeddingState(target.embedding, key, response.failure?.reason ?? 'the Runtime answered without a state');
        }
        return CurrentState.fromWire(response.state, target.type);
    }

    /** Every stored state of an embedding, by key. */
    getAll<ReadModel>(type: new (...args: never[]) => ReadModel, embedding?: GuidLike): Promise<Map<Key, CurrentState<ReadModel>>>;
    getAll(embedding: GuidLike): Promise<Map<Key, CurrentState<unknown>>>;
    async getAll(...args: ReadonlyArray<unknown>): Promise<Map<Key, CurrentState<unknown>>> {
        const typed = typeof args[0] === 'function';
        const target = this.target(typed ? args[0] as Class : undefined, (typed ? args[1] : args[0]) as GuidLike | undefined, 'getAll(embeddingId)');
        const response = await this.connection.call(embeddingStoreService.getAll, { callContext: this.callContext, embeddingId: guidToUuid(target.embedding.value) });
        if (response.failure) {
            throw new FailedToGetEmbedding(target.embedding, 'the states', response.failure.reason ?? '');
        }
        return new Map(response.states.map((wire) => {
            const state = CurrentState.fromWire(wire, target.type);
            return [state.key, state];
        }));
    }

    /** The keys of an embedding's stored states. */
    getKeys(type: Class, embedding?: GuidLike): Promise<Key[]>;
    getKeys(embedding: GuidLike): Promise<Key[]>;
    async getKeys(...args: ReadonlyArray<unknown>): Promise<Key[]> {
        const typed = typeof args[0] === 'function';
        const target = this.target(typed ? args[0] as Class : undefined, (typed ? args[1] : args[0]) as GuidLike | undefined, 'getKeys(embeddingId)');
        const response = await this.connection.call(embeddingStoreService.getKeys, { callContext: this.callContext, embeddingId: guidToUuid(target.embedding.value) });
        if (response.failure) {
            throw new FailedToGetEmbeddingKeys(target.embedding, response.failure.reason ?? '');
        }
        return response.keys.map((key) => Key.from(key));
    }

    /** The embedding and read model class a call is about. */
    protected target(type: Class | undefined, embedding: GuidLike | undefined, untypedCall: string): Target {
        if (embedding !== undefined) {
            return { type, embedding: EmbeddingId.from(embedding) };
        }
        if (type === undefined) {
            throw new TypeError(`EmbeddingStore.${untypedCall} needs the embedding id when no read model class is given`);
        }
        return { type, embedding: this.#associations.of(type) };
    }
}

/**
 * One tenant's embeddings: read them (EmbeddingStore), update a key to a wanted state, delete a key. The Runtime asks
 * the embedding's resolvers for the events and commits them; update answers the state they led to.
 */
export class Embedding extends EmbeddingStore {
    /** Brings the state of a key to the wanted state; rejects with FailedToGetUpdatedState naming the Runtime's reason. */
    update<ReadModel>(type: new (...args: never[]) => ReadModel, key: unknown, state: ReadModel): Promise<CurrentState<ReadModel>>;
    update<ReadModel>(type: new (...args: never[]) => ReadModel, key: unknown, embedding: GuidLike, state: ReadModel): Promise<CurrentState<ReadModel>>;
    update(key: unknown, embedding: GuidLike, state: unknown): Promise<CurrentState<unknown>>;
    async update(...args: ReadonlyArray<unknown>): Promise<CurrentState<unknown>> {
        const typed = typeof args[0] === 'function';
        const rest = typed ? args.slice(1) : args;
        const key = Key.from(rest[0]);
        const [embedding, state] = typed && rest.length === 2 ? [undefined, rest[1]] : [rest[1] as GuidLike, rest[2]];
        const target = this.target(typed ? args[0] as Class : undefined, embedding, 'update(key, embeddingId, state)');
        const response = await this.connection.call(embeddingsService.update, { callContext: this.callContext, embeddingId: guidToUuid(target.embedding.value), key: key.value, state: JSON.stringify(state) });
        if (response.failure || !response.state) {
            throw new FailedToGetUpdatedState(target.embedding, key, response.failure?.reason ?? 'the Runtime answered without a state');
        }
        return CurrentState.fromWire(response.state, target.type);
    }

    /** Deletes the state of a key; rejects with FailedToDelete naming the Runtime's reason. */
    delete(type: Class, key: unknown): Promise<void>;
    delete(key: unknown, embedding: GuidLike): Promise<void>;
    async delete(first: unknown, second: unknown): Promise<void> {
        const typed = typeof first === 'function';
        const key = Key.from(typed ? second : first);
        const target = this.target(typed ? first as Class : undefined, typed ? undefined : second as GuidLike, 'delete(key, embeddingId)');
        const response = await this.connection.call(embeddingsService.delete, { callContext: this.callContext, embeddingId: guidToUuid(target.embedding.value), key: key.value });
        if (response.failure) {
            throw new FailedToDelete(target.embedding, key, response.failure.reason ?? '');
        }
    }
}

/** SDK 17's names for the embedding store and a tenant's embeddings. */
export type { EmbeddingStore as IEmbeddingStore, Embedding as IEmbedding };

/** The embeddings of each tenant: `client.embeddings.forTenant(TenantId.development)`. */
export class EmbeddingStoreBuilder {
    readonly #connection: RuntimeConnection;
    readonly #executionContext: ExecutionContext;
    readonly #associations: EmbeddingAssociations;

    /** Creates the builder; the client makes one. */
    constructor(connection: RuntimeConnection, executionContext: ExecutionContext, associations: EmbeddingAssociations) {
        this.#connection = connection;
        this.#executionContext = executionContext;
        this.#associations = associations;
    }

    /** The embeddings of a tenant. */
    forTenant(tenantId: GuidLike): Embedding {
        return new Embedding(this.#connection, this.#executionContext.forTenant(TenantId.from(tenantId)), this.#associations);
    }
}
