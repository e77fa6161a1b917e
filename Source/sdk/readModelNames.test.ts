import { describe, expect, it } from 'vitest';
import * as sdk from './index.js';

// SDK 17's runtime names (classes, functions, enums) for projections, embeddings and the Event Horizon that a head
// uses, exported here under the same names.
const names = [
    'projection', 'on', 'ProjectionId', 'Key', 'KeySelector', 'KeySelectorBuilder', 'EventSourceIdKeySelector', 'PartitionIdKeySelector', 'EventPropertyKeySelector',
    'ProjectionResult', 'DeleteReadModelInstance', 'ProjectionContext', 'ProjectionsBuilder', 'ProjectionBuilder', 'ProjectionBuilderForReadModel', 'CannotRegisterProjectionThatIsNotAClass',
    'CurrentState', 'UnknownCurrentStateType', 'ProjectionStore', 'ProjectionStoreBuilder', 'ProjectionAssociations', 'FailedToGetProjection', 'FailedToGetProjectionState', 'NoProjectionAssociatedWithType',
    'embedding', 'resolveUpdateToEvents', 'resolveDeletionToEvents', 'EmbeddingId', 'EmbeddingContext', 'EmbeddingProjectContext', 'EmbeddingsBuilder', 'EmbeddingBuilder', 'EmbeddingBuilderForReadModel',
    'Embedding', 'EmbeddingStore', 'EmbeddingStoreBuilder', 'FailedToGetEmbedding', 'FailedToGetEmbeddingState', 'FailedToGetEmbeddingKeys', 'FailedToGetUpdatedState', 'FailedToDelete',
    'Subscription', 'SubscriptionResponse', 'SubscriptionsBuilder', 'SubscriptionsBuilderForConsumerTenant', 'SubscriptionBuilderForProducerMicroservice', 'SubscriptionBuilderForProducerTenant',
    'SubscriptionBuilderForProducerStream', 'SubscriptionBuilderForProducerPartition', 'SubscriptionBuilderForConsumerScope', 'SubscriptionDefinitionIncomplete', 'EventHorizons',
] as const;

describe('when a head imports what SDK 17 offers for read models and the Event Horizon', () => {
    it.each(names)('exports %s under the same name', (name) => expect(typeof sdk[name]).toBe('function'));
    it('exports CurrentStateType with SDK 17\'s values', () => expect([sdk.CurrentStateType.CreatedFromInitialState, sdk.CurrentStateType.Persisted]).toEqual([0, 1]));
});
