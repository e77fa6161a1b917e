import type { Artifact } from '../artifacts/index.js';
import type { ExecutionContext } from '../execution/index.js';
import type { Guid } from '../guids/index.js';

/** Where an aggregate event came from: the aggregate root type and the event's 0-based aggregate version. */
export type AppliedByAggregate = {
    readonly aggregateRootId: Guid;
    readonly version: number;
};

/** Where an event received over the Event Horizon came from. */
export type FromEventHorizon = {
    readonly externalSequenceNumber: number;
    readonly received: number;
    readonly consentId: Guid;
};

/** An event as stored in an event log: an immutable fact with its sequence number. */
export type CommittedEvent = {
    readonly sequenceNumber: number;
    /** When the Runtime committed it, in milliseconds since the epoch. */
    readonly occurred: number;
    readonly eventSourceId: Guid;
    readonly executionContext: ExecutionContext;
    readonly type: Artifact;
    readonly public: boolean;
    /** The content exactly as committed: a JSON object's text. */
    readonly content: string;
    readonly aggregate: AppliedByAggregate | undefined;
    readonly external: FromEventHorizon | undefined;
};
