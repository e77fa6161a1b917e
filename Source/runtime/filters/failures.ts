import { failure, type Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';

/** The filters' documented failure ids (seed 003, section 4.1.2). */
export const filterFailureIds = {
    noFilterRegistrationReceived: 'd6060ba0-39bd-4815-8b0e-6b43b5f87bc5' as Guid,
    cannotRegisterFilterOnNonWriteableStream: '2cdb6143-4f3d-49cb-bd58-68fd1376dab1' as Guid,
    failedToRegisterFilter: 'f0480899-8aed-4191-b339-5121f4d9f2e2' as Guid,
} as const;

/** The filters' failures, each with its documented id and a reason that names what was wrong. */
export const filterFailures = {
    nonWriteableStream: (): Failure =>
        failure(filterFailureIds.cannotRegisterFilterOnNonWriteableStream, 'The filter id is the empty GUID, which is the event log (a stream no filter can write)'),
    failedToRegister: (filterId: Guid, reason: string): Failure =>
        failure(filterFailureIds.failedToRegisterFilter, `Failed to register filter ${filterId}: ${reason}`),
};
