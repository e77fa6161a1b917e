import { newGuid, type Guid } from '../guids/index.js';
import { versionNotSet, type ExecutionContext } from './ExecutionContext.js';

/**
 * The execution context of a request the Runtime sends a head while processing for a tenant: the head's
 * microservice, the processing tenant, a new correlation id, no claims (as the original Runtime does).
 */
export function processingExecutionContext(microserviceId: Guid, tenantId: Guid): ExecutionContext {
    return {
        microserviceId,
        tenantId,
        version: versionNotSet,
        correlationId: newGuid(),
        claims: [],
        environment: 'Undetermined',
    };
}
