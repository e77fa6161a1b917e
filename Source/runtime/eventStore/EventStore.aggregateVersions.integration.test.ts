import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../failures/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import type { AggregateKey } from './AggregateKey.js';
import { AggregateVersionCache } from './AggregateVersionCache.js';
import type { CommitAggregateEventsRequest } from './CommitRequest.js';
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

const kitchenRoot = 'e6a4f5c2-8b3c-4c9b-b1f5-2f6c3c9a7d10' as Guid;
const kitchens = ['f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid, '0b6ad2e5-51e4-4c3c-9b7e-3f2a1d0c9e8f' as Guid];

function aCommitFor(kitchen: Guid, expectedVersion: number): CommitAggregateEventsRequest {
    const event = { type: { id: dishPrepared, generation: 1 }, public: false, content: `{"at":${expectedVersion}}` };
    return { kind: 'aggregate', executionContext: anExecutionContext(), aggregateRootId: kitchenRoot, eventSourceId: kitchen, expectedVersion, events: [event, event] };
}

/** The storage, counting the aggregates whose versions are read, and refusing the appends it is told to (storing nothing). */
function watched(storage: EventLogStorage): { storage: EventLogStorage; refuseNextAppend(): void; readonly aggregatesRead: AggregateKey[] } {
    const aggregatesRead: AggregateKey[] = [];
    let refuse = false;
    return {
        aggregatesRead,
        refuseNextAppend: () => {
            refuse = true;
        },
        storage: {
            nextSequenceNumber: (scope) => storage.nextSequenceNumber(scope),
            aggregateVersions: (aggregates) => {
                aggregatesRead.push(...aggregates);
                return storage.aggregateVersions(aggregates);
            },
            append: (scope, events, aggregates) => {
                if (refuse) {
                    refuse = false;
                    return Promise.reject(new EventStoreIsUnavailable('the test refused the append'));
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

function versionsOf(result: Result<ReadonlyArray<CommittedEvent>>): ReadonlyArray<number | undefined> | Guid {
    return result.succeeded ? result.value.map((event) => event.aggregate?.version) : result.failure.id;
}

for (const backend of eventLogBackends(postgres)) {
    describe.skipIf(!backend.available)(`the aggregate versions of an event store over ${backend.name}`, () => {
        describe('when a batch fails to be stored', () => {
            let results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>;
            let stored: ReadonlyArray<CommittedEvent>;
            let cache: AggregateVersionCache;
            beforeAll(async () => {
                const log = await backend.open();
                const storage = watched(log.storage);
                cache = new AggregateVersionCache();
                const store = new EventStore(storage.storage, aSilentLogger(), Date.now, cache);
                const first = await store.commitForAggregate(aCommitFor(kitchens[0]!, 0));
                storage.refuseNextAppend();
                const refused = await store.commitForAggregate(aCommitFor(kitchens[0]!, 2));
                const again = await store.commitForAggregate(aCommitFor(kitchens[0]!, 2));
                results = [first, refused, again];
                stored = await log.storage.read(emptyGuid, 0, 100);
            });
            it('fails only that batch', () => {
                expect(results.map(versionsOf)).toEqual([[0, 1], eventStoreFailureIds.eventStoreUnavailable, [2, 3]]);
            });
            it('does not move the cached version by the failed batch', () => {
                expect(stored.map((event) => [event.sequenceNumber, event.aggregate?.version])).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
            });
            it('caches the version the last stored batch left', () => {
                expect(cache.versionOf(`${kitchens[0]}/${kitchenRoot}`)).toBe(4);
            });
        });

        describe('when commits touch more aggregates than the cache holds', () => {
            let results: ReadonlyArray<Result<ReadonlyArray<CommittedEvent>>>;
            let stale: Result<ReadonlyArray<CommittedEvent>>;
            let read: number;
            beforeAll(async () => {
                const log = await backend.open();
                const storage = watched(log.storage);
                const store = new EventStore(storage.storage, aSilentLogger(), Date.now, new AggregateVersionCache(1));
                const committed: Result<ReadonlyArray<CommittedEvent>>[] = [];
                for (const expectedVersion of [0, 2, 4]) {
                    for (const kitchen of kitchens) {
                        committed.push(await store.commitForAggregate(aCommitFor(kitchen, expectedVersion)));
                    }
                }
                results = committed;
                stale = await store.commitForAggregate(aCommitFor(kitchens[0]!, 4));
                read = storage.aggregatesRead.length;
            });
            it('commits each at the version storage holds', () => {
                expect(results.map(versionsOf)).toEqual([[0, 1], [0, 1], [2, 3], [2, 3], [4, 5], [4, 5]]);
            });
            it('still fails a commit at a stale version with a concurrency conflict', () => {
                expect(versionsOf(stale)).toBe(eventStoreFailureIds.aggregateRootConcurrencyConflict);
            });
            it('reads the forgotten versions from storage', () => {
                expect(read).toBeGreaterThanOrEqual(6);
            });
        });
    });
}
