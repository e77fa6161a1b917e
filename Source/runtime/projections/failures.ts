import { failure, type Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';

/** The projections' documented failure ids (reference section 1.5). */
export const projectionFailureIds = {
    noProjectionRegistrationReceived: '1547a083-6a6e-4c49-886d-6852c029b252' as Guid,
    failedToRegisterProjection: 'eb82f4d3-06e5-45cc-ac97-7d77dd1e5d07' as Guid,
    failedToGetProjectionDefinition: '0cbd47f6-50b4-4488-afc3-6ba6b02b0dbd' as Guid,
} as const;

/** The projections' failures, each with its documented id and a reason that names what was wrong. */
export const projectionFailures = {
    failedToRegister: (projectionId: Guid, reason: string): Failure =>
        failure(projectionFailureIds.failedToRegisterProjection, `Failed to register projection ${projectionId}: ${reason}`),
    noDefinition: (projectionId: Guid, scope: Guid, tenantId: Guid): Failure =>
        failure(
            projectionFailureIds.failedToGetProjectionDefinition,
            `Projection ${projectionId} in scope ${scope} has no definition for tenant ${tenantId}: no head has registered it`,
        ),
};
