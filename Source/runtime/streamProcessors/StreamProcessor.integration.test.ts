import { beforeAll, describe, expect, it } from 'vitest';
import { emptyGuid, newGuid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { newProcessorKey, newStreamKey } from '../streams/given/streamKeys.js';
import { eventLogSource, streamKeyText, type StreamStorage } from '../streams/index.js';
import { EventStoreIsUnavailable } from '../eventStore/index.js';
import { anEventHandler } from './given/anEventHandler.js';
import { aStreamProcessor } from './given/aStreamProcessor.js';
import { processingBackends } from './given/processingBackends.js';
import { processingOutcomes as outcomes } from './given/processingOutcomes.js';
import { ScriptedEventProcessor, type ProcessingScript } from './given/ScriptedEventProcessor.js';
import { TenantUnderTest } from './given/TenantUnderTest.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const dishPrepared = newGuid();
const kitchens = [newGuid(), newGuid(), newGuid()];
const dishes = (count: number, from = 0) => Array.from({ length: count }, (_, index) => ({ type: dishPrepared, eventSourceId: kitchens[(from + index) % kitchens.length]! }));
// How long a processor would sleep should it miss a wake-up; an event processed well within it woke the processor.
const wellWithinThePollFallback = 5_000;

describeForEachBackend(backends, 'when a filter-style stream processor chooses events for its output stream, stored in $name', (backend) => {
    const key = newProcessorKey();
    const output = newStreamKey();
    // Chooses the events at even positions, in the partition of their event source.
    const chooseEven: ProcessingScript = (event) => (event.position % 2 === 0 ? outcomes.chosen(event, event.event.eventSourceId) : outcomes.succeeded);
    const positionIs = (tenant: () => TenantUnderTest, position: number) => async () => (await tenant().tenant.storage.streams.state(key))?.position === position;
    const written = async (tenant: () => TenantUnderTest) =>
        (await tenant().tenant.storage.streams.read(output, 0, 1_000)).map((event) => [event.position, event.partition, event.event.sequenceNumber]);

    describe('and it processes the whole log', () => {
        const given = TenantUnderTest.forSuite(backend);
        const persistedAtCall: Array<[number | undefined, number]> = [];
        beforeAll(async () => {
            const { streams } = given().tenant.storage;
            const head = new ScriptedEventProcessor(async (event, attempt, signal) => {
                persistedAtCall.push([(await streams.state(key))?.position, await streams.length(output)]);
                return chooseEven(event, attempt, signal);
            });
            await given().commit(...dishes(6));
            given().run(aStreamProcessor(given(), { key, output, processor: head }));
            await waitUntil(positionIs(given, 6), 'the processor reached position 6');
        });

        it('appends the chosen events in order, at consecutive positions, in the partitions it chose', async () => {
            expect(await written(given)).toEqual([[0, kitchens[0], 0], [1, kitchens[2], 2], [2, kitchens[1], 4]]);
        });

        it('has always appended exactly the events chosen before its persisted position', () => {
            // The events at even positions are chosen: as many as there are even positions before the persisted one.
            const outOfStep = persistedAtCall.filter(([position, appended]) => appended !== Math.ceil((position ?? 0) / 2));
            expect([persistedAtCall.length, outOfStep]).toEqual([6, []]);
        });

        it('announces each append to the output stream', () => {
            expect(given().changes.changesOf(streamKeyText(output))).toBe(3);
        });
    });

    describe('and it is restarted on the same store', () => {
        const given = TenantUnderTest.forEachTest(backend);

        it('goes on without appending any event twice', async () => {
            await given().commit(...dishes(3));
            const first = given().run(aStreamProcessor(given(), { key, output, processor: new ScriptedEventProcessor(chooseEven) }));
            await waitUntil(positionIs(given, 3), 'the first processor reached position 3');
            await first.stop();
            await given().commit(...dishes(2, 3));
            given().run(aStreamProcessor(given(), { key, output, processor: new ScriptedEventProcessor(chooseEven) }));
            await waitUntil(positionIs(given, 5), 'the second processor reached position 5');
            expect((await written(given)).map(([, , sequenceNumber]) => sequenceNumber)).toEqual([0, 2, 4]);
        });
    });
});

describeForEachBackend(backends, 'when a stream processor waits for new events, stored in $name', (backend) => {
    const given = TenantUnderTest.forEachTest(backend);

    it('processes an event committed to the event log well within the fallback poll', async () => {
        const key = newProcessorKey();
        const head = new ScriptedEventProcessor();
        given().run(aStreamProcessor(given(), { key, processor: head }));
        await waitUntil(() => given().changes.waitsOn(eventLogSource(emptyGuid)) >= 1, 'the processor waited at the end of the empty log');
        await given().commit(...dishes(1));
        await waitUntil(() => head.calls.length === 1, 'the committed event was processed', wellWithinThePollFallback);
        expect(head.sequenceNumbers).toEqual([0]);
    });

    it('processes an event its filter appended to its stream well within the fallback poll', async () => {
        const handler = anEventHandler(given(), [dishPrepared], true);
        const head = new ScriptedEventProcessor();
        handler.start(head);
        await waitUntil(() => given().changes.waitsOn(streamKeyText(handler.stream)) >= 1, 'the processor waited at the end of the empty stream');
        await given().commit(...dishes(1));
        await waitUntil(() => head.calls.length === 1, 'the committed event was processed', wellWithinThePollFallback);
        expect(head.calls.map((call) => [call.position, call.partition])).toEqual([[0, kitchens[0]]]);
    });
});

describeForEachBackend(backends, 'when a stream processor cannot write a position because the store is unavailable, stored in $name', (backend) => {
    const given = TenantUnderTest.forEachTest(backend);

    it('writes it again until it is stored, without handing the head the event a second time', async () => {
        const key = newProcessorKey();
        const head = new ScriptedEventProcessor();
        const { streams } = given().tenant.storage;
        let saves = 0;
        // The first write fails before it is stored; the second is stored, but its answer is lost; the rest succeed.
        const failingStreams = new Proxy(streams, {
            get(target, property, receiver) {
                if (property !== 'saveState') {
                    const value = Reflect.get(target, property, receiver) as unknown;
                    // Bound to the storage itself: its methods use private fields, which a proxy does not have.
                    return typeof value === 'function' ? (value as (...parameters: unknown[]) => unknown).bind(target) : value;
                }
                return async (...parameters: Parameters<StreamStorage['saveState']>) => {
                    saves += 1;
                    if (saves === 1) {
                        throw new EventStoreIsUnavailable('connection refused (on purpose)');
                    }
                    await target.saveState(...parameters);
                    if (saves === 2) {
                        throw new EventStoreIsUnavailable('connection lost after the commit (on purpose)');
                    }
                };
            },
        });
        await given().commit(...dishes(3));
        given().run(aStreamProcessor(given(), { key, processor: head, streams: failingStreams }));
        await waitUntil(async () => (await streams.state(key))?.position === 3, 'the processor reached position 3');
        // Written coalesced: the first write (of whichever position) fails, the second stores position 3 (its answer lost).
        expect([head.sequenceNumbers, saves >= 2]).toEqual([[0, 1, 2], true]);
    });
});
