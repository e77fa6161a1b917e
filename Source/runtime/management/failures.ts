import { failure, type Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';

/** The management API's failure ids (this Runtime's own: the original's management services answer free text). */
export const managementFailureIds = {
    processorIsNotFound: '83251a86-79cd-4b5a-83e5-3b0b4d56e800' as Guid,
    tenantIsNotFound: 'fec66f1d-6f6a-4d7d-b4f6-b1b5311a826e' as Guid,
    positionIsPastTheEnd: 'ca40e486-da08-45b7-9ade-a65bab3baf7f' as Guid,
    partitionIsNotFailing: 'd86a3ddf-a0e8-43b6-b92c-b3e29f12cecf' as Guid,
    processorIsBusy: '1d3e187c-c4d8-4792-bdf2-718c9c124b6a' as Guid,
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
