import { failure, type Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';

/** The embeddings' documented failure ids (reference section 1.5). */
export const embeddingFailureIds = {
    noEmbeddingRegistrationReceived: 'bda8fb78-1cbb-4b1b-962c-eb8f90087bb0' as Guid,
    noEmbeddingRegisteredForTenant: 'd76e5522-9bbd-4bb1-87df-b167e42acf02' as Guid,
    failedToRegisterEmbedding: '77cd99ec-9939-43ae-83dc-3c770ef65a4c' as Guid,
    failedToUpdateEmbedding: '4f765146-c635-497a-a14b-b7f80d5cf875' as Guid,
    failedToDeleteEmbedding: 'dcfba172-9348-4b2c-b518-17603798c0ec' as Guid,
    failedToGetEmbeddingDefinition: 'c76b3806-8b74-47b0-b169-5e3ff1f5265b' as Guid,
} as const;

/** The embeddings' failures, each with its documented id and a reason that names what was wrong. */
export const embeddingFailures = {
    failedToRegister: (embeddingId: Guid, reason: string): Failure =>
        failure(embeddingFailureIds.failedToRegisterEmbedding, `Failed to register embedding ${embeddingId}: ${reason}`),
    notRegisteredForTenant: (embeddingId: Guid, tenantId: Guid): Failure =>
        failure(embeddingFailureIds.noEmbeddingRegisteredForTenant, `No head has embedding ${embeddingId} connected for tenant ${tenantId}; register it before updating or deleting its states`),
    failedToUpdate: (embeddingId: Guid, key: string, reason: string): Failure =>
        failure(embeddingFailureIds.failedToUpdateEmbedding, `Failed to update key '${key}' of embedding ${embeddingId}: ${reason}`),
    failedToDelete: (embeddingId: Guid, key: string, reason: string): Failure =>
        failure(embeddingFailureIds.failedToDeleteEmbedding, `Failed to delete key '${key}' of embedding ${embeddingId}: ${reason}`),
    noDefinition: (embeddingId: Guid, tenantId: Guid): Failure =>
        failure(embeddingFailureIds.failedToGetEmbeddingDefinition, `Embedding ${embeddingId} has no definition for tenant ${tenantId}: no head has registered it`),
};
