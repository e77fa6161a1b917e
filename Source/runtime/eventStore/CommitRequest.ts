import type { ExecutionContext } from '../execution/index.js';
import type { Guid } from '../guids/index.js';
import type { UncommittedEvent } from './UncommittedEvent.js';

/** A request to commit events that belong to no aggregate. */
export type CommitEventsRequest = {
    readonly kind: 'events';
    readonly executionContext: ExecutionContext;
    readonly events: ReadonlyArray<UncommittedEvent>;
};

/** A request to commit events applied by an aggregate, at the version the head expects. */
export type CommitAggregateEventsRequest = {
    readonly kind: 'aggregate';
    readonly executionContext: ExecutionContext;
    readonly aggregateRootId: Guid;
    readonly eventSourceId: Guid;
    readonly expectedVersion: number;
    readonly events: ReadonlyArray<Omit<UncommittedEvent, 'eventSourceId'>>;
};

/** Any request to commit. */
export type CommitRequest = CommitEventsRequest | CommitAggregateEventsRequest;
