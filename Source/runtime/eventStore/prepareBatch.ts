import type { ExecutionContext } from '../execution/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { failed, succeeded, type Result } from '../failures/index.js';
import { aggregateKeyText, type AggregateKey, type AggregateVersionChange } from './AggregateKey.js';
import type { AggregateVersionLookup } from './AggregateVersionCache.js';
import type { CommitRequest } from './CommitRequest.js';
import type { CommittedEvent } from './CommittedEvent.js';
import { eventStoreFailures } from './failures.js';

/** What a batch of commit requests turns into: the rows to append and each request's outcome. */
export type PreparedBatch = {
    readonly events: ReadonlyArray<CommittedEvent>;
    readonly aggregates: ReadonlyArray<AggregateVersionChange>;
    readonly results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>;
    /** The aggregates of the requests that failed with a concurrency conflict, each once. */
    readonly conflicts: ReadonlyArray<AggregateKey>;
    readonly nextSequenceNumber: number;
};

/**
 * Numbers the events of queued requests in order and checks aggregate versions as if the requests ran one
 * after another, so a batch commits exactly what serial commits would have committed.
 */
export function prepareBatch(
    requests: ReadonlyArray<CommitRequest>,
    firstSequenceNumber: number,
    currentVersions: AggregateVersionLookup,
    occurred: number,
): PreparedBatch {
    // Only the aggregates the batch touches are tracked here; the current versions are read, never copied.
    const changes = new Map<string, AggregateVersionChange>();
    const conflicts = new Map<string, AggregateKey>();
    const events: CommittedEvent[] = [];
    const results: Result<ReadonlyArray<CommittedEvent>>[] = [];
    let sequenceNumber = firstSequenceNumber;
    for (const request of requests) {
        if (request.kind === 'events') {
            const committed = request.events.map((event) =>
                committedEvent(sequenceNumber++, occurred, event.eventSourceId, request.executionContext, event, undefined),
            );
            append(events, committed);
            results.push(succeeded(committed));
            continue;
        }
        const key = aggregateKeyText(request);
        const earlier = changes.get(key);
        const current = earlier?.newVersion ?? currentVersions.versionOf(key) ?? 0;
        if (current !== request.expectedVersion) {
            results.push(failed(eventStoreFailures.concurrencyConflict(request.eventSourceId, request.aggregateRootId, current, request.expectedVersion)));
            conflicts.set(key, { eventSourceId: request.eventSourceId, aggregateRootId: request.aggregateRootId });
            continue;
        }
        const committed = request.events.map((event, index) =>
            committedEvent(sequenceNumber++, occurred, request.eventSourceId, request.executionContext, event, {
                aggregateRootId: request.aggregateRootId,
                version: current + index,
            }),
        );
        changes.set(key, {
            eventSourceId: request.eventSourceId,
            aggregateRootId: request.aggregateRootId,
            expectedVersion: earlier?.expectedVersion ?? current,
            newVersion: current + committed.length,
        });
        append(events, committed);
        results.push(succeeded(committed));
    }
    return { events, aggregates: [...changes.values()], results, conflicts: [...conflicts.values()], nextSequenceNumber: sequenceNumber };
}

// A loop, not push(...more): spreading a commit of many events as arguments overflows the call stack.
function append(events: CommittedEvent[], more: ReadonlyArray<CommittedEvent>): void {
    for (const event of more) {
        events.push(event);
    }
}

function committedEvent(
    sequenceNumber: number,
    occurred: number,
    eventSourceId: Guid,
    executionContext: ExecutionContext,
    event: { readonly type: CommittedEvent['type']; readonly public: boolean; readonly content: string },
    aggregate: CommittedEvent['aggregate'],
): CommittedEvent {
    return {
        sequenceNumber,
        occurred,
        eventSourceId: eventSourceId ?? emptyGuid,
        executionContext,
        type: event.type,
        public: event.public,
        content: event.content,
        aggregate,
        external: undefined,
    };
}
