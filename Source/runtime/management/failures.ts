import { failure, type Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';

/** The management API's failure ids (this Runtime's own: the original's management services answer free text). */
export const managementFailureIds = {
    processorIsNotFound: '6d3c0d8e-3c0a-4c5e-9a53-5b2c8f0e1a01' as Guid,
    tenantIsNotFound: '6d3c0d8e-3c0a-4c5e-9a53-5b2c8f0e1a02' as Guid,
    positionIsPastTheEnd: '6d3c0d8e-3c0a-4c5e-9a53-5b2c8f0e1a03' as Guid,
    partitionIsNotFailing: '6d3c0d8e-3c0a-4c5e-9a53-5b2c8f0e1a04' as Guid,
    processorIsBusy: '6d3c0d8e-3c0a-4c5e-9a53-5b2c8f0e1a05' as Guid,
} as const;

/** The management API's failures, each naming what was asked for and not found or not allowed. */
export const managementFailures = {
    processorIsNotFound: (kind: string, processorId: Guid, scope: Guid): Failure =>
        failure(managementFailureIds.processorIsNotFound, `There is no ${kind} '${processorId}' in scope '${scope}' in this Runtime's stores`),
    tenantIsNotFound: (tenant: Guid): Failure => failure(managementFailureIds.tenantIsNotFound, `Tenant '${tenant}' is not in tenants.json`),
    positionIsPastTheEnd: (position: number, head: number, tenant: Guid): Failure =>
        failure(managementFailureIds.positionIsPastTheEnd, `Position ${position} is past the end of the stream for tenant '${tenant}': the next event there gets position ${head}`),
    partitionIsNotFailing: (processorId: Guid, partition: string, tenant: Guid): Failure =>
        failure(
            managementFailureIds.partitionIsNotFailing,
            partition === ''
                ? `Processor '${processorId}' is not failing for tenant '${tenant}'`
                : `Partition '${partition}' of processor '${processorId}' is not failing for tenant '${tenant}'`,
        ),
    processorIsBusy: (processorId: Guid): Failure =>
        failure(managementFailureIds.processorIsBusy, `Processor '${processorId}' is being registered by a head right now; ask again in a moment`),
};

/** Thrown inside a management call to answer one of its documented failures; nothing was changed. */
export class ManagementRequestIsRefused extends Error {
    /** Creates the refusal with the failure to answer. */
    constructor(readonly failure: Failure) {
        super(failure.reason);
        this.name = 'ManagementRequestIsRefused';
    }
}
