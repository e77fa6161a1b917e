import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSilentLogger } from '../eventStore/given/aSilentLogger.js';
import { emptyGuid, newGuid, type Guid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import { eventLogSource, streamKeyText, type StreamKey, type StreamProcessorKey } from '../streams/index.js';
import { EventTypeFilter } from './EventTypeFilter.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const dishPrepared = newGuid();
const dishServed = newGuid();
const chefHired = newGuid();
const kitchen = newGuid();
const otherKitchen = newGuid();
// How long a filter would sleep should it miss a wake-up; a commit that shows up well within it woke the filter.
const wellWithinThePollFallback = 5_000;

type FilterUnderTest = { readonly key: StreamProcessorKey; readonly stream: StreamKey; start(): EventTypeFilter };

function anEventTypeFilter(tenant: TenantUnderTest, types: ReadonlyArray<Guid>, partitioned: boolean): FilterUnderTest {
    const id = newGuid();
    const key: StreamProcessorKey = { scope: emptyGuid, processorId: id, sourceStreamId: emptyGuid };
    const stream: StreamKey = { scope: emptyGuid, streamId: id, public: false };
    const { storage, changes } = tenant.tenant;
    return {
        key,
        stream,
        start: () => tenant.run(new EventTypeFilter({ key, target: stream, types, partitioned, eventLog: storage.eventLog, streams: storage.streams, changes, logger: aSilentLogger() })),
    };
}

async function streamOf(tenant: TenantUnderTest, filter: FilterUnderTest): Promise<ReadonlyArray<{ position: number; partition: Guid; sequenceNumber: number }>> {
    const events = await tenant.tenant.storage.streams.read(filter.stream, 0, 100_000);
    return events.map((event) => ({ position: event.position, partition: event.partition, sequenceNumber: event.event.sequenceNumber }));
}

const lengthIs = (tenant: () => TenantUnderTest, filter: () => FilterUnderTest, length: number) => async () =>
    (await tenant().tenant.storage.streams.length(filter().stream)) >= length;

describeForEachBackend(backends, 'when an event type filter writes an event handler stream from the event log stored in $name', (backend) => {
    describe('and the log holds events of several types', () => {
        const given = TenantUnderTest.forSuite(backend);
        let unpartitioned: FilterUnderTest;
        let partitioned: FilterUnderTest;
        let chefs: FilterUnderTest;
        beforeAll(async () => {
            await given().commit(
                { type: dishPrepared, eventSourceId: kitchen },
                { type: chefHired, eventSourceId: kitchen },
                { type: dishServed, eventSourceId: otherKitchen },
                { type: dishPrepared, eventSourceId: otherKitchen },
                { type: chefHired, eventSourceId: otherKitchen },
                { type: dishServed, eventSourceId: kitchen },
            );
            unpartitioned = anEventTypeFilter(given(), [dishPrepared, dishServed], false);
            partitioned = anEventTypeFilter(given(), [dishPrepared, dishServed], true);
            chefs = anEventTypeFilter(given(), [chefHired], false);
            for (const filter of [unpartitioned, partitioned, chefs]) {
                filter.start();
            }
            const positionOf = async (filter: FilterUnderTest) => (await given().tenant.storage.streams.state(filter.key))?.position;
            await waitUntil(async () => (await Promise.all([unpartitioned, partitioned, chefs].map(positionOf))).every((position) => position === 6), 'every filter reached position 6');
        });

        it('writes only the events of its types, in event log order, at consecutive positions', async () => {
            expect((await streamOf(given(), unpartitioned)).map(({ position, sequenceNumber }) => [position, sequenceNumber])).toEqual([[0, 0], [1, 2], [2, 3], [3, 5]]);
        });

        it('writes every event in the empty partition when the handler is unpartitioned', async () => {
            expect((await streamOf(given(), unpartitioned)).map((event) => event.partition)).toEqual([emptyGuid, emptyGuid, emptyGuid, emptyGuid]);
        });

        it('writes every event in the partition of its event source when the handler is partitioned', async () => {
            expect((await streamOf(given(), partitioned)).map((event) => event.partition)).toEqual([kitchen, otherKitchen, otherKitchen, kitchen]);
        });

        it('runs beside filters of other types over the same log, each writing its own stream', async () => {
            expect((await streamOf(given(), chefs)).map((event) => event.sequenceNumber)).toEqual([1, 4]);
        });

        it('persists its position at the end of the log', async () => {
            expect(await given().tenant.storage.streams.state(unpartitioned.key)).toMatchObject({ partitioned: false, position: 6, failure: undefined });
        });
    });

    describe('and it waits at the end of the log when an event is committed', () => {
        const given = TenantUnderTest.forSuite(backend);
        let filter: FilterUnderTest;
        beforeAll(async () => {
            filter = anEventTypeFilter(given(), [dishPrepared], false);
            filter.start();
            await waitUntil(() => given().changes.waitsOn(eventLogSource(emptyGuid)) >= 1, 'the filter waited at the end of the empty log');
            await given().commit({ type: dishPrepared, eventSourceId: kitchen });
            await waitUntil(lengthIs(given, () => filter, 1), 'the committed event was in the stream', wellWithinThePollFallback);
        });

        it('writes the event at once, well within the fallback poll', async () => {
            expect(await streamOf(given(), filter)).toEqual([{ position: 0, partition: emptyGuid, sequenceNumber: 0 }]);
        });

        it('announces that its stream changed', () => {
            expect(given().changes.changesOf(streamKeyText(filter.stream))).toBe(1);
        });
    });

    describe('and it is restarted on the same store', () => {
        const given = TenantUnderTest.forEachTest(backend);

        it('goes on from its position without writing any event twice', async () => {
            const filter = anEventTypeFilter(given(), [dishPrepared], true);
            await given().commit({ type: dishPrepared, eventSourceId: kitchen }, { type: chefHired, eventSourceId: kitchen }, { type: dishPrepared, eventSourceId: otherKitchen });
            const first = filter.start();
            await waitUntil(async () => (await given().tenant.storage.streams.state(filter.key))?.position === 3, 'the first filter reached position 3');
            await first.stop();
            await given().commit({ type: dishPrepared, eventSourceId: kitchen }, { type: chefHired, eventSourceId: otherKitchen });
            filter.start();
            await waitUntil(async () => (await given().tenant.storage.streams.state(filter.key))?.position === 5, 'the second filter reached position 5');
            expect((await streamOf(given(), filter)).map((event) => event.sequenceNumber)).toEqual([0, 2, 3]);
        });
    });

    describe('and the log is long', () => {
        const logLength = 20_000;
        let tenant: TenantUnderTest | undefined;
        let filter: FilterUnderTest;
        beforeAll(async () => {
            tenant = await TenantUnderTest.open(backend);
            // Every other event is of the filter's type, so a batch of matches spans twice as many events of the log.
            // In commits of 2,000 events, the most one commit may have.
            for (let first = 0; first < logLength; first += 2_000) {
                await tenant.commit(...Array.from({ length: 2_000 }, (_, offset) => ({ type: (first + offset) % 2 === 0 ? dishPrepared : chefHired, eventSourceId: kitchen })));
            }
            filter = anEventTypeFilter(tenant, [dishPrepared], false);
            filter.start();
            await waitUntil(async () => (await tenant!.tenant.storage.streams.state(filter.key))?.position === logLength, `the filter reached position ${logLength}`);
        });
        afterAll(async () => {
            await tenant?.dispose();
        });

        it('catches up with every event of its types exactly once, in order', async () => {
            const expected = Array.from({ length: logLength / 2 }, (_, index) => index * 2);
            expect((await streamOf(tenant!, filter)).map((event) => event.sequenceNumber)).toEqual(expected);
        });

        it('writes the stream in several batches rather than one', async () => {
            expect(tenant!.changes.changesOf(streamKeyText(filter.stream))).toBeGreaterThan(1);
        });
    });
});
