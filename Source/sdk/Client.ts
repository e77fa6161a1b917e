import { AggregateRootOperations, type AggregateRootType } from './aggregates/AggregateRootOperations.js';
import type { AggregateRoot } from './aggregates/AggregateRoot.js';
import type { EventTypes } from './artifacts/EventTypes.js';
import { ClientBuilder } from './ClientBuilder.js';
import type { ClientOptions } from './ClientOptions.js';
import { RuntimeConnection } from './connection/RuntimeConnection.js';
import { EventSourceId } from './eventStore/EventSourceId.js';
import type { EventStore } from './eventStore/EventStore.js';
import { EventStoreBuilder } from './eventStore/EventStoreBuilder.js';
import { ExecutionContext } from './execution/ExecutionContext.js';
import type { GuidLike } from './execution/Guid.js';
import { newGuidText } from './execution/Guid.js';
import type { MicroserviceId } from './execution/MicroserviceId.js';
import { TenantId } from './execution/TenantId.js';
import type { Logger } from './logging/Logger.js';
import type { RegistrationListener, RegistrationOutcome } from './reverseCalls/RegistrationOutcome.js';
import type { ReverseCall } from './reverseCalls/ReverseCall.js';
import { ProjectionStoreBuilder, type ProjectionAssociations } from './projections/store/ProjectionStore.js';
import { EmbeddingStoreBuilder, type EmbeddingAssociations } from './embeddings/store/EmbeddingStore.js';
import type { EventHorizons } from './eventHorizon/EventHorizons.js';

/** Chooses the event store an aggregate operation works on: `(eventStore) => eventStore.forTenant(TenantId.development)`. */
export type EventStoreBuilderCallback = (builder: EventStoreBuilder) => EventStore;

/** A processor's reverse call, as the client keeps it. */
export type StartableReverseCall = Pick<ReverseCall<unknown, unknown, unknown, unknown>, 'start' | 'stop' | 'registered'>;

/** What the client is made of, handed over by ClientBuilder.build(). */
export type ClientParts = {
    readonly options: ClientOptions;
    readonly eventTypes: EventTypes;
    readonly headId: string;
    readonly connection: RuntimeConnection;
    /** Creates the processors' reverse calls, reporting outcomes to the listener. */
    readonly processors: (onRegistration: RegistrationListener) => ReadonlyArray<StartableReverseCall>;
    /** The read model classes of the registered projections. */
    readonly projectionAssociations: ProjectionAssociations;
    /** The read model classes of the registered embeddings. */
    readonly embeddingAssociations: EmbeddingAssociations;
    /** The Event Horizon subscriptions, started with the processors. */
    readonly eventHorizons: EventHorizons;
};

/**
 * A head's connection to its Runtime: the event store per tenant, aggregates, and the processors (event handlers,
 * filters) registered when it was built. `await client.disconnect()` ends every call and timer.
 */
export class Client {
    /** The event types the client knows. */
    readonly eventTypes: EventTypes;
    /** The event store of each tenant: `client.eventStore.forTenant(TenantId.development)`. */
    readonly eventStore: EventStoreBuilder;
    /** The projection store of each tenant: `client.projections.forTenant(TenantId.development).get(DishCounter, key)`. */
    readonly projections: ProjectionStoreBuilder;
    /** The embeddings of each tenant: `client.embeddings.forTenant(TenantId.development).update(Employee, key, employee)`. */
    readonly embeddings: EmbeddingStoreBuilder;
    /** The Event Horizon subscriptions: `client.eventHorizons.onResponse(…)`, `await client.eventHorizons.subscribed`. */
    readonly eventHorizons: EventHorizons;
    /** Where the client logs. */
    readonly logger: Logger;
    /** The microservice the head belongs to. */
    readonly microserviceId: MicroserviceId;
    /** This head's id, sent with every reverse call. */
    readonly headId: string;
    /** Resolves when every processor registered with the Runtime (once each; refusals are retried and reported to onRegistration listeners). */
    readonly registered: Promise<void>;
    readonly #connection: RuntimeConnection;
    readonly #processors: ReadonlyArray<StartableReverseCall>;
    readonly #outcomes: RegistrationOutcome[] = [];
    readonly #listeners = new Set<RegistrationListener>();
    #disconnected = false;

    /** Starts building a client for a microservice: `Client.forMicroservice(id).withEventTypes(…).build()`. */
    static forMicroservice(microserviceId: GuidLike): ClientBuilder {
        return new ClientBuilder(microserviceId, (parts) => new Client(parts));
    }

    /** Creates a client from its parts and starts its processors; use Client.forMicroservice(…).build(). */
    constructor(parts: ClientParts) {
        this.eventTypes = parts.eventTypes;
        this.logger = parts.options.logger;
        this.microserviceId = parts.options.microserviceId;
        this.headId = parts.headId;
        this.#connection = parts.connection;
        const { options } = parts;
        const executionContext = new ExecutionContext(options.microserviceId, TenantId.system, options.version, options.environment, newGuidText());
        this.eventStore = new EventStoreBuilder(parts.connection, parts.eventTypes, executionContext, options.commitGrouping);
        this.projections = new ProjectionStoreBuilder(parts.connection, executionContext, parts.projectionAssociations);
        this.embeddings = new EmbeddingStoreBuilder(parts.connection, executionContext, parts.embeddingAssociations);
        this.#processors = parts.processors((outcome) => {
            this.#outcomes.push(outcome);
            for (const listener of this.#listeners) {
                listener(outcome);
            }
        });
        this.registered = Promise.all(this.#processors.map((processor) => processor.registered)).then(() => undefined);
        for (const processor of this.#processors) {
            processor.start();
        }
        this.eventHorizons = parts.eventHorizons;
        this.eventHorizons.start();
    }

    /** Calls the listener with every registration outcome of every processor: the ones so far, then each new one. Returns a function that stops it. */
    onRegistration(listener: RegistrationListener): () => void {
        for (const outcome of this.#outcomes) {
            listener(outcome);
        }
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    /** The operations on the aggregate of an event source (a new event source unless given). */
    aggregateOf<Aggregate extends AggregateRoot>(type: AggregateRootType<Aggregate>, buildEventStore: EventStoreBuilderCallback): AggregateRootOperations<Aggregate>;
    aggregateOf<Aggregate extends AggregateRoot>(type: AggregateRootType<Aggregate>, eventSourceId: GuidLike, buildEventStore: EventStoreBuilderCallback): AggregateRootOperations<Aggregate>;
    aggregateOf<Aggregate extends AggregateRoot>(type: AggregateRootType<Aggregate>, eventSourceOrBuild: GuidLike | EventStoreBuilderCallback, maybeBuild?: EventStoreBuilderCallback): AggregateRootOperations<Aggregate> {
        const [eventSourceId, build] = typeof eventSourceOrBuild === 'function'
            ? [EventSourceId.new(), eventSourceOrBuild]
            : [EventSourceId.from(eventSourceOrBuild), maybeBuild];
        if (build === undefined) {
            throw new TypeError(`aggregateOf(${type.name}, eventSourceId, buildEventStore) needs the event store: pass (eventStore) => eventStore.forTenant(TenantId.development)`);
        }
        return new AggregateRootOperations(type, eventSourceId, build(this.eventStore), this.eventTypes, this.logger);
    }

    /** Ends every reverse call, timer and the channel; the process can then exit. Calls made afterwards reject. */
    async disconnect(): Promise<void> {
        if (this.#disconnected) {
            return;
        }
        this.#disconnected = true;
        for (const processor of this.#processors) {
            processor.stop();
        }
        this.eventHorizons.stop();
        this.#connection.close();
        this.#listeners.clear();
        // The cancelled streams report their end on the next turns of the event loop.
        await new Promise((resolve) => setImmediate(resolve));
        this.logger.info('Disconnected from the Runtime', { headId: this.headId });
    }
}
