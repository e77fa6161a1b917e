import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../failures/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import type { CommitAggregateEventsRequest, CommitEventsRequest } from './CommitRequest.js';
import type { CommittedEvent } from './CommittedEvent.js';
import type { EventLogStorage } from './EventLogStorage.js';
import { EventStore, maximumEventsInOneCommit } from './EventStore.js';
import { otherFailureId } from '../failures/Failure.js';
import { eventStoreFailureIds } from './failures.js';
import { dishPrepared } from './given/aCommittedEvent.js';
import { anExecutionContext } from './given/anExecutionContext.js';
import { aSilentLogger } from './given/aSilentLogger.js';
import { eventLogBackends } from './given/eventLogBackends.js';

const postgres = await postgresForTests(import.meta.url);

const kitchen = 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid;
const kitchenRoot = 'e6a4f5c2-8b3c-4c9b-b1f5-2f6c3c9a7d10' as Guid;

function aCommitForTheKitchen(head: number, expectedVersion: number): CommitAggregateEventsRequest {
    const event = (step: string) => ({ type: { id: dishPrepared, generation: 1 }, public: false, content: JSON.stringify({ head, step }) });
    return { kind: 'aggregate', executionContext: anExecutionContext(), aggregateRootId: kitchenRoot, eventSourceId: kitchen, expectedVersion, events: [event('first'), event('second')] };
}

function aCommitOfOneEvent(number: number, tenantId?: Guid): CommitEventsRequest {
    const executionContext = tenantId === undefined ? anExecutionContext() : anExecutionContext({ tenantId });
    return { kind: 'events', executionContext, events: [{ type: { id: dishPrepared, generation: 1 }, eventSourceId: kitchen, public: false, content: `{"number":${number}}` }] };
}

/**
 * The storage, except that the first read of the next sequence number answers only when the gate opens, and
 * appending waits until that read has been made (so the read sees the log as it was before the append).
 */
function withFirstReadHeldBack(storage: EventLogStorage, gate: Promise<void>): EventLogStorage {
    let firstRead: Promise<number> | undefined;
    return {
        nextSequenceNumber: async (scope) => {
            if (firstRead !== undefined) {
                return storage.nextSequenceNumber(scope);
            }
            firstRead = storage.nextSequenceNumber(scope);
            const stored = await firstRead;
            await gate;
            return stored;
        },
        aggregateVersions: (aggregates) => storage.aggregateVersions(aggregates),
        append: async (scope, events, aggregates) => {
            await firstRead;
            return storage.append(scope, events, aggregates);
        },
        fetchForAggregate: (aggregate) => storage.fetchForAggregate(aggregate),
        read: (scope, from, limit) => storage.read(scope, from, limit),
        readOfTypes: (scope, types, from, limit) => storage.readOfTypes(scope, types, from, limit),
        containsTypesBefore: (scope, types, before) => storage.containsTypesBefore(scope, types, before),
        eventTypes: (scope) => storage.eventTypes(scope),
        aggregates: (aggregateRootId) => storage.aggregates(aggregateRootId),
    };
}

function aCommitOfManyEvents(count: number): CommitEventsRequest {
    const events = Array.from({ length: count }, (_, number) => ({ type: { id: dishPrepared, generation: 1 }, eventSourceId: kitchen, public: false, content: `{"n":${number}}` }));
    return { kind: 'events', executionContext: anExecutionContext(), events };
}

function aCommitForTheKitchenAt(expectedVersion: number, aggregateRootId: Guid = kitchenRoot): CommitAggregateEventsRequest {
    return { ...aCommitForTheKitchen(0, expectedVersion), aggregateRootId };
}

function succeededEvents(results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>): CommittedEvent[] {
    return results.flatMap((result) => (result.succeeded ? result.value : []));
}

function failureIds(results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>): Guid[] {
    return results.flatMap((result) => (result.succeeded ? [] : [result.failure.id]));
}

for (const backend of eventLogBackends(postgres)) {
    describe.skipIf(!backend.available)(`an event store over ${backend.name}`, () => {
        describe('when many heads commit for the same aggregate at the same expected version at once', () => {
            let results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>;
            let stored: ReadonlyArray<CommittedEvent>;
            beforeAll(async () => {
                const log = await backend.open();
                const store = new EventStore(log.storage, aSilentLogger());
                results = await Promise.all(Array.from({ length: 40 }, (_, head) => store.commitForAggregate(aCommitForTheKitchen(head, 0))));
                stored = await log.storage.read(emptyGuid, 0, 1_000);
            });
            it('commits exactly one of them', () => {
                expect(results.filter((result) => result.succeeded)).toHaveLength(1);
            });
            it('fails all the others with an aggregate root concurrency conflict', () => {
                expect(failureIds(results)).toEqual(Array.from({ length: 39 }, () => eventStoreFailureIds.aggregateRootConcurrencyConflict));
            });
            it('stores only the committed events, numbered from 0 without gaps', () => {
                expect(stored).toEqual(succeededEvents(results));
            });
        });

        describe('when heads on two Runtimes sharing the store commit for the same aggregate at the same expected version at once', () => {
            let results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>;
            let stored: ReadonlyArray<CommittedEvent>;
            beforeAll(async () => {
                const log = await backend.open();
                const stores = [new EventStore(log.storage, aSilentLogger()), new EventStore(await log.openAnotherWriter(), aSilentLogger())];
                results = await Promise.all(Array.from({ length: 40 }, (_, head) => stores[head % 2]!.commitForAggregate(aCommitForTheKitchen(head, 0))));
                stored = await log.storage.read(emptyGuid, 0, 1_000);
            });
            it('commits exactly one of them', () => {
                expect(results.filter((result) => result.succeeded)).toHaveLength(1);
            });
            it('fails all the others with an aggregate root concurrency conflict', () => {
                expect(failureIds(results)).toEqual(Array.from({ length: 39 }, () => eventStoreFailureIds.aggregateRootConcurrencyConflict));
            });
            it('stores only the committed events, numbered from 0 without gaps', () => {
                expect(stored).toEqual(succeededEvents(results));
            });
        });

        describe('when a commit has more events than one commit may have', () => {
            let result: Result<ReadonlyArray<CommittedEvent>>;
            let stored: ReadonlyArray<CommittedEvent>;
            beforeAll(async () => {
                const log = await backend.open();
                const store = new EventStore(log.storage, aSilentLogger());
                result = await store.commit(aCommitOfManyEvents(130_000));
                stored = await log.storage.read(emptyGuid, 0, 10);
            });
            it('fails with too many events in the commit, not a persistence error', () => {
                expect(failureIds([result])).toEqual([eventStoreFailureIds.commitIsTooLarge]);
            });
            it('names the limit and the number of events in the reason', () => {
                expect(!result.succeeded && result.failure.reason).toMatch(new RegExp(`130000 events.*${maximumEventsInOneCommit} events`));
            });
            it('stores nothing', () => {
                expect(stored).toEqual([]);
            });
        });

        describe('when a commit has as many events as one commit may have', () => {
            let result: Result<ReadonlyArray<CommittedEvent>>;
            let stored: ReadonlyArray<CommittedEvent>;
            beforeAll(async () => {
                const log = await backend.open();
                const store = new EventStore(log.storage, aSilentLogger());
                result = await store.commit(aCommitOfManyEvents(maximumEventsInOneCommit));
                stored = await log.storage.read(emptyGuid, 0, maximumEventsInOneCommit + 1);
            });
            it('commits them', () => {
                expect(result.succeeded && result.value.length).toBe(maximumEventsInOneCommit);
            });
            it('stores them as acknowledged', () => {
                expect(stored).toEqual(succeededEvents([result]));
            });
        });

        describe('when committing for an aggregate whose aggregate root id is the empty GUID', () => {
            let result: Result<ReadonlyArray<CommittedEvent>>;
            let stored: ReadonlyArray<CommittedEvent>;
            beforeAll(async () => {
                const log = await backend.open();
                const store = new EventStore(log.storage, aSilentLogger());
                result = await store.commitForAggregate(aCommitForTheKitchenAt(0, emptyGuid));
                stored = await log.storage.read(emptyGuid, 0, 10);
            });
            it('fails with the other failure naming the field', () => {
                expect(!result.succeeded && [result.failure.id, result.failure.reason]).toEqual([otherFailureId, expect.stringContaining('aggregateRootId is the empty GUID')]);
            });
            it('stores nothing', () => {
                expect(stored).toEqual([]);
            });
        });

        describe('when committing for an aggregate whose event source id is the empty GUID', () => {
            let result: Result<ReadonlyArray<CommittedEvent>>;
            beforeAll(async () => {
                const log = await backend.open();
                const store = new EventStore(log.storage, aSilentLogger());
                result = await store.commitForAggregate({ ...aCommitForTheKitchenAt(0), eventSourceId: emptyGuid });
            });
            it('commits: any event source id names an aggregate instance', () => {
                expect(result.succeeded && result.value.map((event) => event.eventSourceId)).toEqual([emptyGuid, emptyGuid]);
            });
        });

        describe('when another Runtime moved an aggregate after this one committed for it', () => {
            let atTheTrueVersion: Result<ReadonlyArray<CommittedEvent>>;
            let atAStaleVersion: Result<ReadonlyArray<CommittedEvent>>;
            let stored: ReadonlyArray<CommittedEvent>;
            beforeAll(async () => {
                const log = await backend.open();
                const thisRuntime = new EventStore(log.storage, aSilentLogger());
                const otherRuntime = new EventStore(await log.openAnotherWriter(), aSilentLogger());
                await thisRuntime.commitForAggregate(aCommitForTheKitchenAt(0));
                await otherRuntime.commitForAggregate(aCommitForTheKitchenAt(2));
                atTheTrueVersion = await thisRuntime.commitForAggregate(aCommitForTheKitchenAt(4));
                atAStaleVersion = await thisRuntime.commitForAggregate(aCommitForTheKitchenAt(4));
                stored = await log.storage.read(emptyGuid, 0, 100);
            });
            it('commits at the version the other Runtime left', () => {
                expect(atTheTrueVersion.succeeded && atTheTrueVersion.value.map((event) => event.aggregate?.version)).toEqual([4, 5]);
            });
            it('still fails a commit at a stale version with an aggregate root concurrency conflict', () => {
                expect(failureIds([atAStaleVersion])).toEqual([eventStoreFailureIds.aggregateRootConcurrencyConflict]);
            });
            it('names the true current version in the conflict', () => {
                expect(!atAStaleVersion.succeeded && atAStaleVersion.failure.reason).toContain('is at version 6');
            });
            it('stores the three commits in order', () => {
                expect(stored.map((event) => [event.sequenceNumber, event.aggregate?.version])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]);
            });
        });

        describe('when many heads commit single events at once', () => {
            const commits = 300;
            let results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>;
            let stored: ReadonlyArray<CommittedEvent>;
            beforeAll(async () => {
                const log = await backend.open();
                const store = new EventStore(log.storage, aSilentLogger());
                results = await Promise.all(Array.from({ length: commits }, (_, number) => store.commit(aCommitOfOneEvent(number))));
                stored = await log.storage.read(emptyGuid, 0, 10_000);
            });
            it('commits every one of them', () => {
                expect(results.every((result) => result.succeeded)).toBe(true);
            });
            it('gives them the sequence numbers 0 to n-1, each once', () => {
                const numbers = succeededEvents(results).map((event) => event.sequenceNumber);
                expect([...numbers].sort((left, right) => left - right)).toEqual(Array.from({ length: commits }, (_, index) => index));
            });
            it('stores them as acknowledged, in sequence number order', () => {
                const acknowledged = [...succeededEvents(results)].sort((left, right) => left.sequenceNumber - right.sequenceNumber);
                expect(stored).toEqual(acknowledged);
            });
        });

        describe('when another Runtime appended to the log since this one last committed', () => {
            let late: Result<ReadonlyArray<CommittedEvent>>;
            let stored: ReadonlyArray<CommittedEvent>;
            beforeAll(async () => {
                const log = await backend.open();
                const thisRuntime = new EventStore(log.storage, aSilentLogger());
                const otherRuntime = new EventStore(await log.openAnotherWriter(), aSilentLogger());
                await thisRuntime.commit(aCommitOfOneEvent(0));
                await otherRuntime.commit(aCommitOfOneEvent(1));
                late = await thisRuntime.commit(aCommitOfOneEvent(2));
                stored = await log.storage.read(emptyGuid, 0, 100);
            });
            it('commits after the other Runtime\'s events', () => {
                expect(late.succeeded && late.value.map((event) => event.sequenceNumber)).toEqual([2]);
            });
            it('keeps the log without gaps', () => {
                expect(stored.map((event) => [event.sequenceNumber, event.content])).toEqual([[0, '{"number":0}'], [1, '{"number":1}'], [2, '{"number":2}']]);
            });
        });

        describe('when the next sequence number is asked for while the first commit is being stored', () => {
            let answered: number;
            let following: Result<ReadonlyArray<CommittedEvent>>;
            beforeAll(async () => {
                const log = await backend.open();
                let open = (): void => undefined;
                const gate = new Promise<void>((resolve) => {
                    open = resolve;
                });
                const store = new EventStore(withFirstReadHeldBack(log.storage, gate), aSilentLogger());
                const asked = store.nextSequenceNumber();
                await store.commit(aCommitOfOneEvent(0));
                open();
                answered = await asked;
                following = await store.commit(aCommitOfOneEvent(1));
            });
            it('answers the number after the committed event', () => {
                expect(answered).toBe(1);
            });
            it('gives the next commit that number', () => {
                expect(following.succeeded && following.value.map((event) => event.sequenceNumber)).toEqual([1]);
            });
        });

        describe('when two tenants commit at once', () => {
            const tenants = ['1c707441-95b3-4214-a4d1-4199c58afa23' as Guid, '2d34ad08-5e9a-4b5c-9d1e-8f7a6b5c4d3e' as Guid];
            let stored: ReadonlyArray<ReadonlyArray<CommittedEvent>>;
            beforeAll(async () => {
                const logs = [await backend.open(), await backend.open()];
                const stores = logs.map((log) => new EventStore(log.storage, aSilentLogger()));
                await Promise.all(Array.from({ length: 20 }, (_, number) => stores[number % 2]!.commit(aCommitOfOneEvent(number, tenants[number % 2]))));
                stored = await Promise.all(logs.map((log) => log.storage.read(emptyGuid, 0, 100)));
            });
            it('numbers each tenant\'s events from 0', () => {
                expect(stored.map((events) => events.map((event) => event.sequenceNumber))).toEqual([Array.from({ length: 10 }, (_, index) => index), Array.from({ length: 10 }, (_, index) => index)]);
            });
            it('stores in each tenant\'s log only that tenant\'s events', () => {
                expect(stored.map((events) => [...new Set(events.map((event) => event.executionContext.tenantId))])).toEqual([[tenants[0]], [tenants[1]]]);
            });
        });
    });
}
