import { uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';

/** A failure the Runtime answered a call with: its documented id and reason. */
export type Failure = { readonly id: string; readonly reason: string };

/** Reads the wire's Failure message, if there is one. */
export function failureFromWire(failure: dolittle.protobuf.Failure.$Properties | null | undefined): Failure | undefined {
    return failure === null || failure === undefined ? undefined : { id: uuidToGuid(failure.id), reason: failure.reason ?? '' };
}

/** The documented failure id of an aggregate root concurrency conflict (the expected version was not the current one). */
export const aggregateRootConcurrencyConflictFailureId = 'f25cccfb-3ae1-4969-bee6-906370ffbc2d';

/** Thrown when the Runtime refuses a commit; carries the failure (id and reason). */
export class CommitFailed extends Error {
    /** Creates the error for a refused commit. */
    constructor(readonly failure: Failure, what: string) {
        super(`The Runtime refused ${what}: ${failure.reason} (failure ${failure.id})`);
        this.name = 'CommitFailed';
    }
}
