import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../failures/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import type { CommitAggregateEventsRequest, CommitEventsRequest, CommitRequest } from './CommitRequest.js';
import type { CommittedEvent } from './CommittedEvent.js';
import type { EventLogStorage } from './EventLogStorage.js';
import { EventStore } from './EventStore.js';
import { EventStoreIsUnavailable } from './EventStoreIsUnavailable.js';
import { eventStoreFailureIds } from './failures.js';
import { dishPrepared } from './given/aCommittedEvent.js';
import { anExecutionContext } from './given/anExecutionContext.js';
import { aSilentLogger } from './given/aSilentLogger.js';
import { eventLogBackends } from './given/eventLogBackends.js';

const postgres = await postgresForTests(import.meta.url);

const kitchen = 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid;
const kitchenRoot = 'e6a4f5c2-8b3c-4c9b-b1f5-2f6c3c9a7d10' as Guid;
const type = { id: dishPrepared, generation: 1 };

function forTheKitchen(expectedVersion: number): CommitAggregateEventsRequest {
    const event = { type, public: false, content: `{"at":${expectedVersion}}` };
    return { kind: 'aggregate', executionContext: anExecutionContext(), aggregateRootId: kitchenRoot, eventSourceId: kitchen, expectedVersion, events: [event, event] };
}

function ofManyEvents(count: number): CommitEventsRequest {
    return { kind: 'events', executionContext: anExecutionContext(), events: Array.from({ length: count }, (_, number) => ({ type, eventSourceId: kitchen, public: false, content: `{"n":${number}}` })) };
}

/** The storage, with its first append held until `release` is called, then stored or refused as told. */
function withFirstAppendHeld(storage: EventLogStorage): { storage: EventLogStorage; release(outcome: 'store' | 'refuse'): void; readonly appends: number[] } {
    let release: (outcome: 'store' | 'refuse') => void = () => undefined;
    const released = new Promise<'store' | 'refuse'>((resolve) => {
        release = resolve;
    });
    const appends: number[] = [];
    return {
        release: (outcome) => release(outcome),
        appends,
        storage: {
            nextSequenceNumber: (scope) => storage.nextSequenceNumber(scope),
            aggregateVersions: (aggregates) => storage.aggregateVersions(aggregates),
            append: async (scope, events, aggregates) => {
                appends.push(events.length);
                if (appends.length === 1 && (await released) === 'refuse') {
                    throw new EventStoreIsUnavailable('the test refused the first batch');
                }
                return storage.append(scope, events, aggregates);
            },
            fetchForAggregate: (aggregate) => storage.fetchForAggregate(aggregate),
            read: (scope, from, limit) => storage.read(scope, from, limit),
            readOfTypes: (scope, types, from, limit) => storage.readOfTypes(scope, types, from, limit),
            containsTypesBefore: (scope, types, before) => storage.containsTypesBefore(scope, types, before),
            eventTypes: (scope) => storage.eventTypes(scope),
            aggregates: (aggregateRootId) => storage.aggregates(aggregateRootId),
        },
    };
}

type Outcome = { readonly results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>; readonly answered: ReadonlyArray<number>; readonly appends: ReadonlyArray<number>; readonly stored: ReadonlyArray<CommittedEvent> };

/**
 * The first commit goes alone into a batch whose append is held; the others queue meanwhile and make two more
 * batches (one holds at most 10,000 events): the aggregate's commit at 2 in the second, at 4 and a stale one at 2 in
 * the third. Each later batch depends on the versions and sequence numbers the one before it leaves.
 */
async function commitWhileTheFirstBatchIsHeld(open: () => Promise<EventLogStorage>, outcome: 'store' | 'refuse'): Promise<Outcome> {
    const storage = await open();
    const held = withFirstAppendHeld(storage);
    const store = new EventStore(held.storage, aSilentLogger());
    const requests: CommitRequest[] = [forTheKitchen(0), forTheKitchen(2), ...Array.from({ length: 5 }, () => ofManyEvents(2_000)), forTheKitchen(4), forTheKitchen(2)];
    const answered: number[] = [];
    const first = store.commitForAggregate(requests[0] as CommitAggregateEventsRequest).then((result) => {
        answered.push(0);
        return result;
    });
    while (held.appends.length === 0) {
        await new Promise((resolve) => setImmediate(resolve));
    }
    const rest = requests.slice(1).map((request, index) =>
        (request.kind === 'aggregate' ? store.commitForAggregate(request) : store.commit(request)).then((result) => {
            answered.push(index + 1);
            return result;
        }),
    );
    held.release(outcome);
    const results = await Promise.all([first, ...rest]);
    return { results, answered, appends: held.appends, stored: await storage.read(emptyGuid, 0, 20_000) };
}

const summary = (result: Result<ReadonlyArray<CommittedEvent>>) =>
    result.succeeded ? [result.value[0]?.sequenceNumber, result.value.length, result.value[0]?.aggregate?.version] : result.failure.id;

for (const backend of eventLogBackends(postgres)) {
    describe.skipIf(!backend.available)(`an event store over ${backend.name} with batches waiting behind one being stored`, () => {
        describe('when the batch being stored commits', () => {
            let outcome: Outcome;
            beforeAll(async () => {
                outcome = await commitWhileTheFirstBatchIsHeld(async () => (await backend.open()).storage, 'store');
            });
            it('stores the waiting commits in two more batches', () => {
                expect(outcome.appends).toEqual([2, 8_002, 2_002]);
            });
            it('answers every commit in the order they were made', () => {
                expect(outcome.answered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
            });
            it('numbers the events on from each batch before, and moves the aggregate on from each batch before', () => {
                expect(outcome.results.map(summary)).toEqual([
                    [0, 2, 0],
                    [2, 2, 2],
                    [4, 2_000, undefined],
                    [2_004, 2_000, undefined],
                    [4_004, 2_000, undefined],
                    [6_004, 2_000, undefined],
                    [8_004, 2_000, undefined],
                    [10_004, 2, 4],
                    eventStoreFailureIds.aggregateRootConcurrencyConflict,
                ]);
            });
            it('stores what it acknowledged, without gaps', () => {
                expect(outcome.stored).toEqual(outcome.results.flatMap((result) => (result.succeeded ? result.value : [])));
            });
        });

        describe('when the batch being stored fails', () => {
            let outcome: Outcome;
            beforeAll(async () => {
                outcome = await commitWhileTheFirstBatchIsHeld(async () => (await backend.open()).storage, 'refuse');
            });
            it('answers every commit in the order they were made', () => {
                expect(outcome.answered).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
            });
            it('fails the commits of that batch, and the later commits that expected its aggregate moves, and numbers the rest from where the log is', () => {
                expect(outcome.results.map(summary)).toEqual([
                    eventStoreFailureIds.eventStoreUnavailable,
                    eventStoreFailureIds.aggregateRootConcurrencyConflict,
                    [0, 2_000, undefined],
                    [2_000, 2_000, undefined],
                    [4_000, 2_000, undefined],
                    [6_000, 2_000, undefined],
                    [8_000, 2_000, undefined],
                    eventStoreFailureIds.aggregateRootConcurrencyConflict,
                    eventStoreFailureIds.aggregateRootConcurrencyConflict,
                ]);
            });
            it('stores what it acknowledged, without gaps', () => {
                expect(outcome.stored).toEqual(outcome.results.flatMap((result) => (result.succeeded ? result.value : [])));
            });
        });
    });
}
