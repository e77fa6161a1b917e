// @dolittle-typescript/sdk: the documented API of @dolittle/sdk 17 (every name its tutorials import, from one
// package), on grpc-js and the shared protocol package.
export { Client, type EventStoreBuilderCallback } from './Client.js';
export { ClientBuilder } from './ClientBuilder.js';
export type { ClientOptions } from './ClientOptions.js';

export { TenantId } from './execution/TenantId.js';
export { MicroserviceId } from './execution/MicroserviceId.js';
export { Version } from './execution/Version.js';
export { ExecutionContext } from './execution/ExecutionContext.js';
export { GuidIsMalformed, type GuidLike } from './execution/Guid.js';

export { eventType, type EventTypeOptions } from './artifacts/eventTypeDecorator.js';
export { EventType } from './artifacts/EventType.js';
export { EventTypeId } from './artifacts/EventTypeId.js';
export { EventTypes, EventTypeIsAssociatedTwice, UnknownEventType, type EventTypeReference } from './artifacts/EventTypes.js';
export { EventTypesBuilder, MissingEventTypeDecorator, type EventTypesBuilderCallback } from './artifacts/EventTypesBuilder.js';

export { EventSourceId } from './eventStore/EventSourceId.js';
export { ScopeId } from './eventStore/ScopeId.js';
export { PartitionId } from './eventStore/PartitionId.js';
export { AggregateRootId } from './eventStore/AggregateRootId.js';
export { EventContext } from './eventStore/EventContext.js';
export { CommittedEvent } from './eventStore/CommittedEvent.js';
export { CommittedAggregateEvents, type CommittedAggregateEvent } from './eventStore/CommittedAggregateEvents.js';
export { CommitFailed, type Failure } from './eventStore/CommitEventsResult.js';
export { EventStore, CommitEventsResult, CommitAggregateEventsResult, type UncommittedEvent, type UncommittedAggregateEvent, type UncommittedAggregateEvents } from './eventStore/EventStore.js';
export { EventStoreBuilder } from './eventStore/EventStoreBuilder.js';
export { defaultCommitGrouping, type CommitGrouping } from './eventStore/CommitGroups.js';

export { eventHandler, handles, type EventHandlerOptions } from './eventHandlers/eventHandler.js';
export { EventHandlerId } from './eventHandlers/EventHandlerId.js';
export { EventHandlerBuilder, EventHandlersBuilder, EventHandlerIsInvalid, type EventHandlersBuilderCallback } from './eventHandlers/EventHandlersBuilder.js';

export { FilterId } from './filters/FilterId.js';
export { PartitionedFilterResult } from './filters/PartitionedFilterResult.js';
export { EventFiltersBuilder, FilterDefinitionIncomplete, PartitionedEventFilterBuilder, PrivateEventFilterBuilder, PublicEventFilterBuilder, UnpartitionedEventFilterBuilder, type EventFiltersBuilderCallback } from './filters/EventFiltersBuilder.js';
export type { FilterEventCallback, PartitionedFilterEventCallback } from './filters/FilterDefinition.js';

export { AggregateRoot, AggregateRootIdentifierNotSet, EventContentNeedsToBeDefined, type AppliedEvent } from './aggregates/AggregateRoot.js';
export { aggregateRoot, on } from './aggregates/aggregateRootDecorators.js';
export { AggregateRootConcurrencyConflict, AggregateRootOperations, MissingAggregateRootDecorator, type AggregateRootAction, type AggregateRootType } from './aggregates/AggregateRootOperations.js';
/** SDK 17's name for what `client.aggregateOf(…)` returns. */
export type { AggregateRootOperations as IAggregateRootOperations } from './aggregates/AggregateRootOperations.js';

export { structuredLogger, silentLogger, type Logger, type LogData, type LogLevel, type StructuredLoggerOptions } from './logging/Logger.js';
export { ClientIsDisconnected, RuntimeCallFailed, type RuntimeAddress } from './connection/RuntimeConnection.js';
export { defaultReconnectPolicy, type ReconnectPolicy } from './connection/ReconnectPolicy.js';
export type { RegistrationOutcome, RegistrationListener } from './reverseCalls/RegistrationOutcome.js';

// Projections. `on` (above, with aggregates) is one decorator for aggregates, projections and embeddings.
export { projection, type ProjectionOptions } from './projections/projectionDecorator.js';
export { ProjectionId } from './projections/ProjectionId.js';
export { Key } from './projections/Key.js';
export { KeySelector, KeySelectorBuilder, EventSourceIdKeySelector, PartitionIdKeySelector, EventPropertyKeySelector, type KeySelectorBuilderCallback } from './projections/keySelectors.js';
export { ProjectionResult, DeleteReadModelInstance } from './projections/ProjectionResult.js';
export { ProjectionContext } from './projections/ProjectionContext.js';
export type { ProjectionCallback } from './projections/ProjectionDefinition.js';
export { ProjectionsBuilder, ProjectionBuilder, ProjectionBuilderForReadModel, ProjectionIsInvalid, CannotRegisterProjectionThatIsNotAClass, type ProjectionsBuilderCallback } from './projections/ProjectionsBuilder.js';
export { CurrentState, CurrentStateType, UnknownCurrentStateType } from './projections/store/CurrentState.js';
export { ProjectionStore, ProjectionStoreBuilder, ProjectionAssociations, FailedToGetProjection, FailedToGetProjectionState, NoProjectionAssociatedWithType, type IProjectionStore, type ProjectionAssociation } from './projections/store/ProjectionStore.js';

// Embeddings (their @on is the `on` above).
export { embedding, resolveUpdateToEvents, resolveDeletionToEvents } from './embeddings/embeddingDecorators.js';
export { EmbeddingId } from './embeddings/EmbeddingId.js';
export { EmbeddingContext, EmbeddingProjectContext } from './embeddings/EmbeddingContext.js';
export type { EmbeddingUpdateCallback, EmbeddingDeleteCallback, EmbeddingProjectCallback } from './embeddings/EmbeddingDefinition.js';
export { EmbeddingsBuilder, EmbeddingBuilder, EmbeddingBuilderForReadModel, EmbeddingIsInvalid, type EmbeddingsBuilderCallback } from './embeddings/EmbeddingsBuilder.js';
export { Embedding, EmbeddingStore, EmbeddingStoreBuilder, EmbeddingAssociations, FailedToGetEmbedding, FailedToGetEmbeddingState, FailedToGetEmbeddingKeys, FailedToGetUpdatedState, FailedToDelete, NoEmbeddingAssociatedWithType, type IEmbeddingStore, type IEmbedding } from './embeddings/store/EmbeddingStore.js';

// Event Horizon subscriptions.
export { Subscription, SubscriptionResponse, type SubscriptionOutcome, type SubscriptionCompleted, type SubscriptionSucceeded, type SubscriptionFailed } from './eventHorizon/Subscription.js';
export { SubscriptionsBuilder, SubscriptionsBuilderForConsumerTenant, SubscriptionBuilderForProducerMicroservice, SubscriptionBuilderForProducerTenant, SubscriptionBuilderForProducerStream, SubscriptionBuilderForProducerPartition, SubscriptionBuilderForConsumerScope, SubscriptionDefinitionIncomplete, type SubscriptionsBuilderCallback } from './eventHorizon/SubscriptionsBuilder.js';
export { EventHorizons, type SubscriptionListener } from './eventHorizon/EventHorizons.js';
/** SDK 17's name for the client's Event Horizon subscriptions. */
export type { EventHorizons as IEventHorizons } from './eventHorizon/EventHorizons.js';
