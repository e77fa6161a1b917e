import type { Guid } from '../guids/index.js';

/** An expected outcome that travels on the wire: a documented id and a readable reason. */
export type Failure = {
    readonly id: Guid;
    readonly reason: string;
};

/** The generic failure id ("Other"), for anything unexpected. */
export const otherFailureId = '05cc1d10-4efc-457b-84a6-a1be0a5f36ba' as Guid;

/** Creates a failure with the given documented id and reason. */
export function failure(id: Guid, reason: string): Failure {
    return Object.freeze({ id, reason });
}

/** Creates the generic "Other" failure. */
export function otherFailure(reason: string): Failure {
    return failure(otherFailureId, reason);
}
