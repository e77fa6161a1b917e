import { randomUUID } from 'node:crypto';
import { EventTypesBuilder, type EventTypesBuilderCallback } from './artifacts/EventTypesBuilder.js';
import type { Client, ClientParts, StartableReverseCall } from './Client.js';
import type { ClientOptions } from './ClientOptions.js';
import { defaultRuntimeAddress } from './connection/defaultRuntimeAddress.js';
import { defaultReconnectPolicy, type ReconnectPolicy } from './connection/ReconnectPolicy.js';
import { RuntimeConnection } from './connection/RuntimeConnection.js';
import { eventHandlerProtocol, eventHandlerRequestHandler } from './eventHandlers/eventHandlerProcessor.js';
import { EventHandlersBuilder, type EventHandlersBuilderCallback } from './eventHandlers/EventHandlersBuilder.js';
import { defaultCommitGrouping, type CommitGrouping } from './eventStore/CommitGroups.js';
import { ExecutionContext } from './execution/ExecutionContext.js';
import type { GuidLike } from './execution/Guid.js';
import { MicroserviceId } from './execution/MicroserviceId.js';
import { TenantId } from './execution/TenantId.js';
import { Version } from './execution/Version.js';
import { EventFiltersBuilder, type EventFiltersBuilderCallback } from './filters/EventFiltersBuilder.js';
import { filterProtocol, filterRequestHandler } from './filters/filterProcessors.js';
import { loggerWith, structuredLogger, type Logger } from './logging/Logger.js';
import { ReverseCall } from './reverseCalls/ReverseCall.js';
import { projectionProtocol, projectionRequestHandler } from './projections/projectionProcessor.js';
import { ProjectionsBuilder, type ProjectionsBuilderCallback } from './projections/ProjectionsBuilder.js';
import { ProjectionAssociations } from './projections/store/ProjectionStore.js';
import { embeddingProtocol, embeddingRequestHandler } from './embeddings/embeddingProcessor.js';
import { EmbeddingsBuilder, type EmbeddingsBuilderCallback } from './embeddings/EmbeddingsBuilder.js';
import { EmbeddingAssociations } from './embeddings/store/EmbeddingStore.js';
import { EventHorizons } from './eventHorizon/EventHorizons.js';
import { SubscriptionsBuilder, type SubscriptionsBuilderCallback } from './eventHorizon/SubscriptionsBuilder.js';

/** Builds a client: `Client.forMicroservice(id).withRuntimeOn(host, port).withEventTypes(…).withEventHandlers(…).build()`. */
export class ClientBuilder {
    readonly #microserviceId: MicroserviceId;
    readonly #create: (parts: ClientParts) => Client;
    readonly #eventTypes = new EventTypesBuilder();
    readonly #eventHandlers = new EventHandlersBuilder();
    readonly #filters = new EventFiltersBuilder();
    readonly #projections = new ProjectionsBuilder();
    readonly #embeddings = new EmbeddingsBuilder();
    readonly #subscriptions = new SubscriptionsBuilder();
    #runtime: { readonly host: string; readonly port: number } | undefined;
    #version = Version.notSet;
    #environment = 'Undetermined';
    #logger: Logger | undefined;
    #pingIntervalMilliseconds = 5_000;
    #reconnectPolicy: ReconnectPolicy = defaultReconnectPolicy;
    #commitGrouping: CommitGrouping = defaultCommitGrouping;

    /** Starts a builder; use Client.forMicroservice(id). */
    constructor(microserviceId: GuidLike, create: (parts: ClientParts) => Client) {
        this.#microserviceId = MicroserviceId.from(microserviceId);
        this.#create = create;
    }

    /** Connects to the Runtime's head port on this host and port (unless told: DOLITTLE_RUNTIME_HOST/PORT, else localhost:50053). */
    withRuntimeOn(host: string, port: number): ClientBuilder {
        if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
            throw new RangeError(`withRuntimeOn('${host}', ${port}): the port must be an integer from 1 to 65535`);
        }
        this.#runtime = { host, port };
        return this;
    }

    /** The version of the head, sent in every execution context. */
    withVersion(versionOrMajor: Version | number, minor = 0, patch = 0, build = 0, preReleaseString = ''): ClientBuilder {
        this.#version = versionOrMajor instanceof Version ? versionOrMajor : new Version(versionOrMajor, minor, patch, build, preReleaseString);
        return this;
    }

    /** The environment the head runs in (Development, Production, …). */
    withEnvironment(environment: string): ClientBuilder {
        this.#environment = environment;
        return this;
    }

    /** Registers event types: `(eventTypes) => eventTypes.register(DishPrepared)`. */
    withEventTypes(callback: EventTypesBuilderCallback): ClientBuilder {
        callback(this.#eventTypes);
        return this;
    }

    /** Registers event handlers: `(builder) => builder.register(DishHandler)`. */
    withEventHandlers(callback: EventHandlersBuilderCallback): ClientBuilder {
        callback(this.#eventHandlers);
        return this;
    }

    /** Registers filters: `(filters) => filters.createPrivateFilter(id, …)`. */
    withFilters(callback: EventFiltersBuilderCallback): ClientBuilder {
        callback(this.#filters);
        return this;
    }

    /** Registers projections: `(projections) => projections.register(DishCounter)` or `.createProjection(id).forReadModel(…)`. */
    withProjections(callback: ProjectionsBuilderCallback): ClientBuilder {
        callback(this.#projections);
        return this;
    }

    /** Registers embeddings: `(embeddings) => embeddings.register(Employee)` or `.createEmbedding(id).forReadModel(…)`. */
    withEmbeddings(callback: EmbeddingsBuilderCallback): ClientBuilder {
        callback(this.#embeddings);
        return this;
    }

    /**
     * Subscribes to other microservices' public streams over the Event Horizon: `(_) => _.forTenant(tenant, (ts) =>
     * ts.fromProducerMicroservice(id).fromProducerTenant(id).fromProducerStream(id).fromProducerPartition(id).toScope(id))`.
     */
    withEventHorizons(callback: SubscriptionsBuilderCallback): ClientBuilder {
        callback(this.#subscriptions);
        return this;
    }

    /** Logs through this logger (anything with debug/info/warn/error methods) instead of JSON lines on standard error. */
    withLogging(logger: Logger): ClientBuilder {
        this.#logger = logger;
        return this;
    }

    /** How often the Runtime pings each reverse call (5 s unless told); three missed pings make the head connect again. */
    withPingInterval(milliseconds: number): ClientBuilder {
        if (!(milliseconds > 0)) {
            throw new RangeError(`withPingInterval(${milliseconds}): the interval must be a positive number of milliseconds`);
        }
        this.#pingIntervalMilliseconds = milliseconds;
        return this;
    }

    /** How long to wait before connecting again (capped exponential back-off with jitter; 250 ms to 10 s unless told). */
    withReconnectPolicy(policy: ReconnectPolicy): ClientBuilder {
        this.#reconnectPolicy = Object.freeze({ ...policy });
        return this;
    }

    /**
     * How commits made at once are grouped into Commit calls (see CommitGroups): `{ callsInFlight: 4, eventsPerCall:
     * 1_000, contentCharactersPerCall: 1_000_000 }` unless told. `eventsPerCall: 1` with a high `callsInFlight` sends
     * every commit in a call of its own, as SDK 17 does.
     */
    withCommitGrouping(grouping: Partial<CommitGrouping>): ClientBuilder {
        const merged = { ...this.#commitGrouping, ...grouping };
        if (!(merged.callsInFlight >= 1) || !(merged.eventsPerCall >= 1) || !(merged.contentCharactersPerCall >= 1)) {
            throw new RangeError(`withCommitGrouping(${JSON.stringify(grouping)}): every limit must be at least 1`);
        }
        this.#commitGrouping = Object.freeze(merged);
        return this;
    }

    /** Builds the client and starts registering its processors; misuse (an undecorated class, an unknown event type) throws here. */
    build(): Client {
        const logger = loggerWith(this.#logger ?? structuredLogger(), { category: 'sdk' });
        const options: ClientOptions = Object.freeze({
            microserviceId: this.#microserviceId,
            runtime: Object.freeze(this.#runtime ?? defaultRuntimeAddress()),
            version: this.#version,
            environment: this.#environment,
            logger,
            pingIntervalMilliseconds: this.#pingIntervalMilliseconds,
            reconnectPolicy: this.#reconnectPolicy,
            commitGrouping: this.#commitGrouping,
        });
        const eventTypes = this.#eventTypes.build([...this.#eventHandlers.referencedClasses(), ...this.#projections.referencedClasses(), ...this.#embeddings.referencedClasses()]);
        const eventHandlers = this.#eventHandlers.build(eventTypes);
        const filters = this.#filters.build();
        const projections = this.#projections.build(eventTypes);
        const embeddings = this.#embeddings.build(eventTypes);
        const subscriptions = this.#subscriptions.build();
        const embeddingAssociations = new EmbeddingAssociations(embeddings.flatMap((definition) => definition.readModelType === undefined ? [] : [[definition.readModelType, definition.id] as const]));
        const projectionAssociations = new ProjectionAssociations(projections.flatMap((definition) => definition.readModelType === undefined ? [] : [[definition.readModelType, { id: definition.id, scopeId: definition.scopeId }] as const]));
        const headId = randomUUID();
        const connection = new RuntimeConnection(options.runtime);
        const executionContext = new ExecutionContext(options.microserviceId, TenantId.system, options.version, options.environment, randomUUID());
        const processors = (onRegistration: Parameters<ClientParts['processors']>[0]): ReadonlyArray<StartableReverseCall> => {
            const common = { connection, executionContext, headId, pingIntervalMilliseconds: options.pingIntervalMilliseconds, reconnectPolicy: options.reconnectPolicy, onRegistration };
            return [
                ...eventHandlers.map((definition) => {
                    const processorLogger = loggerWith(logger, { category: 'sdk.eventHandlers', eventHandler: definition.alias ?? definition.id.value });
                    return new ReverseCall(definition.id.value, eventHandlerProtocol(definition), eventHandlerRequestHandler(definition, eventTypes, processorLogger), { ...common, logger: processorLogger });
                }),
                ...filters.map((definition) => {
                    const processorLogger = loggerWith(logger, { category: 'sdk.filters', filter: definition.id.value });
                    return new ReverseCall(definition.id.value, filterProtocol(definition), filterRequestHandler(definition, eventTypes, processorLogger), { ...common, logger: processorLogger });
                }),
                ...projections.map((definition) => {
                    const processorLogger = loggerWith(logger, { category: 'sdk.projections', projection: definition.readModelType?.name || definition.id.value });
                    return new ReverseCall(definition.id.value, projectionProtocol(definition), projectionRequestHandler(definition, eventTypes, processorLogger), { ...common, logger: processorLogger });
                }),
                ...embeddings.map((definition) => {
                    const processorLogger = loggerWith(logger, { category: 'sdk.embeddings', embedding: definition.readModelType?.name || definition.id.value });
                    return new ReverseCall(definition.id.value, embeddingProtocol(definition), embeddingRequestHandler(definition, eventTypes, processorLogger), { ...common, logger: processorLogger });
                }),
            ] as ReadonlyArray<StartableReverseCall>;
        };
        logger.info('Connecting to the Runtime', { runtime: `${options.runtime.host}:${options.runtime.port}`, microserviceId: options.microserviceId.value, headId, eventHandlers: eventHandlers.length, filters: filters.length, projections: projections.length, embeddings: embeddings.length, subscriptions: subscriptions.length });
        return this.#create({ options, eventTypes, headId, connection, processors, projectionAssociations, embeddingAssociations,
            eventHorizons: new EventHorizons(subscriptions, { connection, executionContext, reconnectPolicy: options.reconnectPolicy, logger: loggerWith(logger, { category: 'sdk.eventHorizon' }) }),
        });
    }
}
