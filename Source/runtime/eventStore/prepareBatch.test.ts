import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { aggregateKeyText } from './AggregateKey.js';
import { AggregateVersionCache, type AggregateVersionLookup } from './AggregateVersionCache.js';
import type { CommitAggregateEventsRequest, CommitEventsRequest } from './CommitRequest.js';
import { eventStoreFailureIds } from './failures.js';
import { dishPrepared } from './given/aCommittedEvent.js';
import { anExecutionContext } from './given/anExecutionContext.js';
import { prepareBatch } from './prepareBatch.js';

const kitchen = 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid;
const kitchenRoot = 'e6a4f5c2-8b3c-4c9b-b1f5-2f6c3c9a7d10' as Guid;
const event = { type: { id: dishPrepared, generation: 1 }, public: false, content: '{}' };

function aCommitOf(count: number): CommitEventsRequest {
    return { kind: 'events', executionContext: anExecutionContext(), events: Array.from({ length: count }, () => ({ ...event, eventSourceId: kitchen })) };
}

function aCommitForTheKitchen(expectedVersion: number): CommitAggregateEventsRequest {
    return { kind: 'aggregate', executionContext: anExecutionContext(), aggregateRootId: kitchenRoot, eventSourceId: kitchen, expectedVersion, events: [event, event] };
}

/** Versions that may only be looked up one at a time (the lookup has no way to copy or iterate them). */
function versionsThatMayOnlyBeLookedUp(entries: ReadonlyArray<readonly [string, number]>): AggregateVersionLookup {
    const versions = new Map(entries);
    return { versionOf: (key) => versions.get(key) };
}

describe('when preparing a batch', () => {
    describe('of one request with more events than fit as function arguments', () => {
        it('numbers every event', () => {
            const prepared = prepareBatch([aCommitOf(200_000)], 5, new AggregateVersionCache(), 0);
            expect([prepared.events.length, prepared.events.at(-1)?.sequenceNumber, prepared.nextSequenceNumber]).toEqual([200_000, 200_004, 200_005]);
        });
    });

    describe('against a large cache of aggregate versions', () => {
        const cached = Array.from({ length: 10 }, (_, index) => [`other/${index}`, index] as const);
        const versions = versionsThatMayOnlyBeLookedUp([...cached, [aggregateKeyText({ eventSourceId: kitchen, aggregateRootId: kitchenRoot }), 4]]);

        it('looks up only the aggregates the batch touches, and checks them in order', () => {
            const prepared = prepareBatch([aCommitForTheKitchen(4), aCommitForTheKitchen(6), aCommitForTheKitchen(6)], 0, versions, 0);
            expect(prepared.results.map((result) => (result.succeeded ? result.value.map((committed) => committed.aggregate?.version) : result.failure.id))).toEqual([
                [4, 5],
                [6, 7],
                eventStoreFailureIds.aggregateRootConcurrencyConflict,
            ]);
        });

        it('names each aggregate whose commit conflicted once', () => {
            const prepared = prepareBatch([aCommitForTheKitchen(3), aCommitForTheKitchen(2)], 0, versions, 0);
            expect(prepared.conflicts).toEqual([{ eventSourceId: kitchen, aggregateRootId: kitchenRoot }]);
        });

        it('moves the aggregate once, from the version the batch found to the last one', () => {
            const prepared = prepareBatch([aCommitForTheKitchen(4), aCommitForTheKitchen(6)], 0, versions, 0);
            expect(prepared.aggregates).toEqual([{ eventSourceId: kitchen, aggregateRootId: kitchenRoot, expectedVersion: 4, newVersion: 8 }]);
        });
    });
});
