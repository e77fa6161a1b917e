import type * as grpc from '@grpc/grpc-js';
import type { RuntimeConfiguration } from '../configuration/index.js';
import { embeddingsServiceFor, embeddingStoreServiceFor } from '../embeddings/index.js';
import { eventHandlersServiceFor } from '../eventHandlers/index.js';
import { eventHorizonConsumerServiceFor, eventHorizonSubscriptionsServiceFor } from '../eventHorizon/index.js';
import { eventStoreServiceFor } from '../eventStore/index.js';
import { filtersServiceFor } from '../filters/index.js';
import { healthServiceFor, type Readiness } from '../health/index.js';
import type { Logger } from '../logging/index.js';
import type { MetricsRecorders } from '../metrics/index.js';
import { managementServicesFor } from '../management/index.js';
import { projectionsServiceFor, projectionStoreServiceFor } from '../projections/index.js';
import type { RegistrationContext } from '../registrations/index.js';
import { ReverseCallLifetimes } from '../reverseCalls/index.js';
import { RegisteredProcessors } from '../streamProcessors/index.js';
import type { Tenants } from '../tenancy/index.js';
import { LargeMessageWork } from '../wire/index.js';

/** A gRPC service: its definition and the functions that serve it. */
export type RuntimeService = {
    readonly definition: grpc.ServiceDefinition;
    readonly implementation: grpc.UntypedServiceImplementation;
};

/** The services of the two servers, and how to end their long-lived calls on shutdown. */
export type RuntimeServices = {
    /** Served on the private port, for heads (SDKs). */
    readonly private: ReadonlyArray<RuntimeService>;
    /** Served on the public port, for other Runtimes (the Event Horizon). */
    readonly public: ReadonlyArray<RuntimeService>;
    /** Served on the management port, for operators (the `dolittle` CLI). */
    readonly management: ReadonlyArray<RuntimeService>;
    /** Ends every reverse call (heads reconnect) and stops their processors. */
    stop(): Promise<void>;
};

/** Composes the Runtime's features into the services of the private and public servers. */
export function servicesFor(configuration: RuntimeConfiguration, tenants: Tenants, readiness: Readiness, logger: Logger, metrics: MetricsRecorders): RuntimeServices {
    const health: RuntimeService = healthServiceFor(readiness);
    const eventStore: RuntimeService = eventStoreServiceFor(tenants, new LargeMessageWork(), logger.forCategory('eventStore'), metrics.eventStore);
    const lifetimes = new ReverseCallLifetimes(logger.forCategory('reverseCalls'));
    const registered = new RegisteredProcessors();
    const registrationsFor = (category: string): RegistrationContext => ({ tenants, registered, lifetimes, logger: logger.forCategory(category), metrics });
    const eventHandlers: RuntimeService = eventHandlersServiceFor(registrationsFor('eventHandlers'));
    const filters: RuntimeService = filtersServiceFor(registrationsFor('filters'));
    const projections: RuntimeService = projectionsServiceFor(registrationsFor('projections'));
    const projectionStore: RuntimeService = projectionStoreServiceFor(tenants, logger.forCategory('projections.store'));
    const embeddings: RuntimeService = embeddingsServiceFor(registrationsFor('embeddings'));
    const embeddingStore: RuntimeService = embeddingStoreServiceFor(tenants, logger.forCategory('embeddings.store'));
    const eventHorizonProducer: RuntimeService = eventHorizonConsumerServiceFor({ tenants, consents: configuration.consents, lifetimes, logger: logger.forCategory('eventHorizon.producer') });
    const eventHorizonSubscriptions = eventHorizonSubscriptionsServiceFor({
        tenants,
        microservices: configuration.microservices,
        logger: logger.forCategory('eventHorizon.consumer'),
        metrics: metrics.eventHorizon,
    });
    return {
        private: [eventStore, eventHandlers, filters, projections, projectionStore, embeddings, embeddingStore, eventHorizonSubscriptions, health],
        public: [eventHorizonProducer, health],
        management: [...managementServicesFor(tenants, registered, logger.forCategory('management'), eventHorizonSubscriptions), health],
        stop: async () => {
            await eventHorizonSubscriptions.stop();
            await lifetimes.end();
        },
    };
}
