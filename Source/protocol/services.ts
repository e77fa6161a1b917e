import { dolittle, grpc } from './generated/protocol.js';
import { defineMethod } from './ProtocolMethod.js';

const events = dolittle.runtime.events;
const processing = dolittle.runtime.events.processing;
const projections = dolittle.runtime.projections;
const embeddings = dolittle.runtime.embeddings;
const eventHorizon = dolittle.runtime.eventhorizon;
const health = grpc.health.v1;

/** `dolittle.runtime.events.EventStore`: commit events, commit aggregate events, fetch an aggregate's events. */
export const eventStoreService = Object.freeze({
    commit: defineMethod('/dolittle.runtime.events.EventStore/Commit', 'unary', events.CommitEventsRequest, events.CommitEventsResponse),
    commitForAggregate: defineMethod('/dolittle.runtime.events.EventStore/CommitForAggregate', 'unary', events.CommitAggregateEventsRequest, events.CommitAggregateEventsResponse),
    fetchForAggregate: defineMethod('/dolittle.runtime.events.EventStore/FetchForAggregate', 'unary', events.FetchForAggregateRequest, events.FetchForAggregateResponse),
});

/** `dolittle.runtime.events.processing.EventHandlers`: the event handler reverse call. */
export const eventHandlersService = Object.freeze({
    connect: defineMethod('/dolittle.runtime.events.processing.EventHandlers/Connect', 'bidirectionalStreaming', processing.EventHandlerClientToRuntimeMessage, processing.EventHandlerRuntimeToClientMessage),
});

/** `dolittle.runtime.events.processing.Filters`: the reverse calls of unpartitioned, partitioned and public filters. */
export const filtersService = Object.freeze({
    connect: defineMethod('/dolittle.runtime.events.processing.Filters/Connect', 'bidirectionalStreaming', processing.FilterClientToRuntimeMessage, processing.FilterRuntimeToClientMessage),
    connectPartitioned: defineMethod('/dolittle.runtime.events.processing.Filters/ConnectPartitioned', 'bidirectionalStreaming', processing.PartitionedFilterClientToRuntimeMessage, processing.FilterRuntimeToClientMessage),
    connectPublic: defineMethod('/dolittle.runtime.events.processing.Filters/ConnectPublic', 'bidirectionalStreaming', processing.PublicFilterClientToRuntimeMessage, processing.FilterRuntimeToClientMessage),
});

/** `dolittle.runtime.events.processing.Projections`: the projection reverse call (not the projection store). */
export const projectionsService = Object.freeze({
    connect: defineMethod('/dolittle.runtime.events.processing.Projections/Connect', 'bidirectionalStreaming', processing.ProjectionClientToRuntimeMessage, processing.ProjectionRuntimeToClientMessage),
});

/** `dolittle.runtime.events.processing.Processors`: the generic processor reverse call (unused by SDK 17). */
export const processorsService = Object.freeze({
    connect: defineMethod('/dolittle.runtime.events.processing.Processors/Connect', 'bidirectionalStreaming', processing.ProcessorClientToRuntimeMessage, processing.ProcessorRuntimeToClientMessage),
});

/** `dolittle.runtime.projections.Projections`: the projection store (read one or all states). */
export const projectionStoreService = Object.freeze({
    getOne: defineMethod('/dolittle.runtime.projections.Projections/GetOne', 'unary', projections.GetOneRequest, projections.GetOneResponse),
    getAll: defineMethod('/dolittle.runtime.projections.Projections/GetAll', 'unary', projections.GetAllRequest, projections.GetAllResponse),
});

/** `dolittle.runtime.embeddings.Embeddings`: the embedding reverse call, and updating and deleting states. */
export const embeddingsService = Object.freeze({
    connect: defineMethod('/dolittle.runtime.embeddings.Embeddings/Connect', 'bidirectionalStreaming', embeddings.EmbeddingClientToRuntimeMessage, embeddings.EmbeddingRuntimeToClientMessage),
    update: defineMethod('/dolittle.runtime.embeddings.Embeddings/Update', 'unary', embeddings.UpdateRequest, embeddings.UpdateResponse),
    delete: defineMethod('/dolittle.runtime.embeddings.Embeddings/Delete', 'unary', embeddings.DeleteRequest, embeddings.DeleteResponse),
});

/** `dolittle.runtime.embeddings.EmbeddingStore`: read one state, all keys or all states of an embedding. */
export const embeddingStoreService = Object.freeze({
    getOne: defineMethod('/dolittle.runtime.embeddings.EmbeddingStore/GetOne', 'unary', embeddings.GetOneRequest, embeddings.GetOneResponse),
    getKeys: defineMethod('/dolittle.runtime.embeddings.EmbeddingStore/GetKeys', 'unary', embeddings.GetKeysRequest, embeddings.GetKeysResponse),
    getAll: defineMethod('/dolittle.runtime.embeddings.EmbeddingStore/GetAll', 'unary', embeddings.GetAllRequest, embeddings.GetAllResponse),
});

/** `dolittle.runtime.eventhorizon.Subscriptions`: a head asks its runtime to subscribe to another microservice. */
export const eventHorizonSubscriptionsService = Object.freeze({
    subscribe: defineMethod('/dolittle.runtime.eventhorizon.Subscriptions/Subscribe', 'unary', eventHorizon.Subscription, eventHorizon.SubscriptionResponse),
});

/** `dolittle.runtime.eventhorizon.Consumer`: the runtime-to-runtime event horizon reverse call (public port). */
export const eventHorizonConsumerService = Object.freeze({
    subscribe: defineMethod('/dolittle.runtime.eventhorizon.Consumer/Subscribe', 'bidirectionalStreaming', eventHorizon.EventHorizonConsumerToProducerMessage, eventHorizon.EventHorizonProducerToConsumerMessage),
});

/** `grpc.health.v1.Health`: the standard health checks. */
export const healthService = Object.freeze({
    check: defineMethod('/grpc.health.v1.Health/Check', 'unary', health.HealthCheckRequest, health.HealthCheckResponse),
    watch: defineMethod('/grpc.health.v1.Health/Watch', 'serverStreaming', health.HealthCheckRequest, health.HealthCheckResponse),
});

const management = dolittle.runtime.management;

/** `dolittle.runtime.management.EventHandlers`: list event handlers per tenant, and replay them. */
export const managementEventHandlersService = Object.freeze({
    getAll: defineMethod('/dolittle.runtime.management.EventHandlers/GetAll', 'unary', management.GetProcessorsRequest, management.GetProcessorsResponse),
    getOne: defineMethod('/dolittle.runtime.management.EventHandlers/GetOne', 'unary', management.GetProcessorRequest, management.GetProcessorResponse),
    reprocessAllEvents: defineMethod('/dolittle.runtime.management.EventHandlers/ReprocessAllEvents', 'unary', management.ReplayRequest, management.ChangeResponse),
    reprocessEventsFrom: defineMethod('/dolittle.runtime.management.EventHandlers/ReprocessEventsFrom', 'unary', management.ReplayRequest, management.ChangeResponse),
});

/** `dolittle.runtime.management.Filters`: list the filters heads registered, per tenant. */
export const managementFiltersService = Object.freeze({
    getAll: defineMethod('/dolittle.runtime.management.Filters/GetAll', 'unary', management.GetProcessorsRequest, management.GetProcessorsResponse),
});

/** `dolittle.runtime.management.Projections`: list projections per tenant, and replay them. */
export const managementProjectionsService = Object.freeze({
    getAll: defineMethod('/dolittle.runtime.management.Projections/GetAll', 'unary', management.GetProcessorsRequest, management.GetProcessorsResponse),
    getOne: defineMethod('/dolittle.runtime.management.Projections/GetOne', 'unary', management.GetProcessorRequest, management.GetProcessorResponse),
    replay: defineMethod('/dolittle.runtime.management.Projections/Replay', 'unary', management.ReplayRequest, management.ChangeResponse),
});

/** `dolittle.runtime.management.Failures`: failing processors, retrying a failing partition now, skipping its event. */
export const managementFailuresService = Object.freeze({
    getAll: defineMethod('/dolittle.runtime.management.Failures/GetAll', 'unary', management.GetProcessorsRequest, management.GetProcessorsResponse),
    retry: defineMethod('/dolittle.runtime.management.Failures/Retry', 'unary', management.FailureRequest, management.ChangeResponse),
    skip: defineMethod('/dolittle.runtime.management.Failures/Skip', 'unary', management.FailureRequest, management.ChangeResponse),
});

/** `dolittle.runtime.management.Tenants`: the configured tenants with their stores. */
export const managementTenantsService = Object.freeze({
    getAll: defineMethod('/dolittle.runtime.management.Tenants/GetAll', 'unary', management.GetTenantsRequest, management.GetTenantsResponse),
});

/** `dolittle.runtime.management.EventTypes`: the event types a tenant's event log holds. */
export const managementEventTypesService = Object.freeze({
    getAll: defineMethod('/dolittle.runtime.management.EventTypes/GetAll', 'unary', management.GetEventTypesRequest, management.GetEventTypesResponse),
});

/** `dolittle.runtime.management.Aggregates`: aggregate roots, their instances and the events of one. */
export const managementAggregatesService = Object.freeze({
    getAll: defineMethod('/dolittle.runtime.management.Aggregates/GetAll', 'unary', management.GetAggregateRootsRequest, management.GetAggregateRootsResponse),
    getEvents: defineMethod('/dolittle.runtime.management.Aggregates/GetEvents', 'unary', management.GetAggregateEventsRequest, management.GetAggregateEventsResponse),
});

/** `dolittle.runtime.management.EventLog`: follow a tenant's event log live. */
export const managementEventLogService = Object.freeze({
    tail: defineMethod('/dolittle.runtime.management.EventLog/Tail', 'serverStreaming', management.TailRequest, management.TailResponse),
});

/** `dolittle.runtime.management.Subscriptions`: the Event Horizon subscriptions and their state. */
export const managementSubscriptionsService = Object.freeze({
    getAll: defineMethod('/dolittle.runtime.management.Subscriptions/GetAll', 'unary', management.GetSubscriptionsRequest, management.GetSubscriptionsResponse),
});
