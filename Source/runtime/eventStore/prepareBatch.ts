import type { ExecutionContext } from '../execution/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { failed, succeeded, type Result } from '../failures/index.js';
import { aggregateKeyText, type AggregateVersionChange } from './AggregateKey.js';
import type { CommitRequest } from './CommitRequest.js';
import type { CommittedEvent } from './CommittedEvent.js';
import { eventStoreFailures } from './failures.js';

/** What a batch of commit requests turns into: the rows to append and each request's outcome. */
export type PreparedBatch = {
    readonly events: ReadonlyArray<CommittedEvent>;
    readonly aggregates: ReadonlyArray<AggregateVersionChange>;
    readonly results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>;
    readonly nextSequenceNumber: number;
};

/**
 * Numbers the events of queued requests in order and checks aggregate versions as if the requests ran one
 * after another, so a batch commits exactly what serial commits would have committed.
 */
export function prepareBatch(
    requests: ReadonlyArray<CommitRequest>,
    firstSequenceNumber: number,
    currentVersions: ReadonlyMap<string, number>,
    occurred: number,
): PreparedBatch {
    const versions = new Map(currentVersions);
    const changes = new Map<string, AggregateVersionChange>();
    const events: CommittedEvent[] = [];
    const results: Result<ReadonlyArray<CommittedEvent>>[] = [];
    let sequenceNumber = firstSequenceNumber;
    for (const request of requests) {
        if (request.kind === 'events') {
            const committed = request.events.map((event) =>
                committedEvent(sequenceNumber++, occurred, event.eventSourceId, request.executionContext, event, undefined),
            );
            events.push(...committed);
            results.push(succeeded(committed));
            continue;
        }
        const key = aggregateKeyText(request);
        const current = versions.get(key) ?? 0;
        if (current !== request.expectedVersion) {
            results.push(failed(eventStoreFailures.concurrencyConflict(request.eventSourceId, request.aggregateRootId, current, request.expectedVersion)));
            continue;
        }
        const committed = request.events.map((event, index) =>
            committedEvent(sequenceNumber++, occurred, request.eventSourceId, request.executionContext, event, {
                aggregateRootId: request.aggregateRootId,
                version: current + index,
            }),
        );
        const newVersion = current + committed.length;
        versions.set(key, newVersion);
        const earlier = changes.get(key);
        changes.set(key, {
            eventSourceId: request.eventSourceId,
            aggregateRootId: request.aggregateRootId,
            expectedVersion: earlier?.expectedVersion ?? current,
            newVersion,
        });
        events.push(...committed);
        results.push(succeeded(committed));
    }
    return { events, aggregates: [...changes.values()], results, nextSequenceNumber: sequenceNumber };
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
