import { beforeAll, describe, expect, it } from 'vitest';
import { emptyGuid, newGuid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { newProcessorKey } from '../streams/given/streamKeys.js';
import { eventLogSource, type StreamProcessorState } from '../streams/index.js';
import { aStreamProcessor } from './given/aStreamProcessor.js';
import { processingBackends, type ProcessingBackend } from './given/processingBackends.js';
import { processingOutcomes as outcomes } from './given/processingOutcomes.js';
import { ScriptedEventProcessor } from './given/ScriptedEventProcessor.js';
import { TenantUnderTest } from './given/TenantUnderTest.js';
import { neverRetry } from './retryTimeFor.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const dishPrepared = newGuid();
const kitchen = newGuid();
const dishes = (count: number) => Array.from({ length: count }, () => ({ type: dishPrepared, eventSourceId: kitchen }));
const logChanges = eventLogSource(emptyGuid);

/** A tenant for the suite, with the key of the processor under test and ways to read its persisted state. */
function givenAProcessorOnATenant(backend: ProcessingBackend, forEachTest = false) {
    const tenant = forEachTest ? TenantUnderTest.forEachTest(backend) : TenantUnderTest.forSuite(backend);
    const key = newProcessorKey();
    const state = async () => (await tenant().tenant.storage.streams.state(key)) as Extract<StreamProcessorState, { partitioned: false }> | undefined;
    const positionIs = (position: number) => async () => (await state())?.position === position;
    return { tenant, key, state, positionIs };
}

describeForEachBackend(backends, 'when an unpartitioned stream processor reads the event log stored in $name', (backend) => {
    describe('and every event succeeds', () => {
        const { tenant, key, state, positionIs } = givenAProcessorOnATenant(backend);
        const persistedAtCall: Array<number | undefined> = [];
        const head = new ScriptedEventProcessor(async () => {
            persistedAtCall.push((await state())?.position);
            return outcomes.succeeded;
        });
        beforeAll(async () => {
            await tenant().commit(...dishes(5));
            tenant().run(aStreamProcessor(tenant(), { key, processor: head, batchSize: 2 }));
            await tenant().commit(...dishes(3));
            await waitUntil(positionIs(8), 'the processor reached position 8');
        });

        it('processes every event exactly once, in order', () => {
            expect(head.sequenceNumbers).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
        });

        it('has never persisted a position past an event it had not handled', () => {
            expect(persistedAtCall.filter((position, index) => (position ?? 0) > index)).toEqual([]);
        });

        it('persists the position after the last event, with no failure', async () => {
            expect(await state()).toMatchObject({ partitioned: false, position: 8, failure: undefined });
        });
    });

    describe('and it is restarted on the same store', () => {
        const { tenant, key, positionIs } = givenAProcessorOnATenant(backend, true);

        it('resumes from the persisted position without processing any event twice', async () => {
            await tenant().commit(...dishes(3));
            const first = new ScriptedEventProcessor();
            const before = tenant().run(aStreamProcessor(tenant(), { key, processor: first }));
            await waitUntil(positionIs(3), 'the first processor reached position 3');
            await before.stop();
            await tenant().commit(...dishes(2));
            const second = new ScriptedEventProcessor();
            tenant().run(aStreamProcessor(tenant(), { key, processor: second }));
            await waitUntil(positionIs(5), 'the second processor reached position 5');
            expect([first.sequenceNumbers, second.sequenceNumbers]).toEqual([[0, 1, 2], [3, 4]]);
        });
    });

    describe('and an event fails with a long retry timeout', () => {
        const { tenant, key, state } = givenAProcessorOnATenant(backend);
        const head = new ScriptedEventProcessor((event) => (event.position === 1 ? outcomes.failed('The oven is cold', 60_000) : outcomes.succeeded));
        let startedAt = 0;
        beforeAll(async () => {
            await tenant().commit(...dishes(3));
            startedAt = Date.now();
            tenant().run(aStreamProcessor(tenant(), { key, processor: head }));
            await waitUntil(async () => (await state())?.failure !== undefined, 'the failure was persisted');
            await waitUntil(() => tenant().changes.waits.some((wait) => wait.timeout > 50_000), 'the processor waited for the retry time');
        });

        it('halts at the failing event', () => {
            expect(head.sequenceNumbers).toEqual([0, 1]);
        });

        it('persists the failure at the event with its reason and one attempt', async () => {
            expect(await state()).toMatchObject({ position: 1, failure: { reason: 'The oven is cold', attempts: 1 } });
        });

        it('persists when it failed and the retry time the head asked for', async () => {
            const failure = (await state())?.failure;
            expect([(failure?.lastFailed ?? 0) >= startedAt, (failure?.retryTime ?? 0) - (failure?.lastFailed ?? 0)]).toEqual([true, 60_000]);
        });
    });

    describe('and an event fails twice before it succeeds', () => {
        const { tenant, key, state, positionIs } = givenAProcessorOnATenant(backend);
        const persistedAtCall: Array<StreamProcessorState | undefined> = [];
        const head = new ScriptedEventProcessor(async (event, attempt) => {
            persistedAtCall.push(await state());
            return event.position === 1 && attempt <= 2 ? outcomes.failed(`Burnt the dish, attempt ${attempt}`, 50) : outcomes.succeeded;
        });
        beforeAll(async () => {
            await tenant().commit(...dishes(4));
            tenant().run(aStreamProcessor(tenant(), { key, processor: head }));
            await waitUntil(positionIs(4), 'the processor reached position 4');
        });

        it('retries the event with the reason and the attempts of the failures so far', () => {
            expect(head.calls.filter((call) => call.position === 1).map((call) => call.retry)).toEqual([
                undefined,
                { reason: 'Burnt the dish, attempt 1', attempts: 1 },
                { reason: 'Burnt the dish, attempt 2', attempts: 2 },
            ]);
        });

        it('retries only once the persisted retry time has come', () => {
            const retries = head.calls.flatMap((call, index) => (call.retry === undefined ? [] : [{ at: call.at, persisted: persistedAtCall[index] }]));
            expect(retries.map(({ at, persisted }) => !persisted?.partitioned && persisted?.failure !== undefined && persisted.failure.retryTime <= at)).toEqual([true, true]);
        });

        it('goes on with the later events once the retry succeeds', () => {
            expect(head.sequenceNumbers).toEqual([0, 1, 1, 1, 2, 3]);
        });

        it('clears the persisted failure', async () => {
            expect(await state()).toMatchObject({ position: 4, failure: undefined });
        });
    });

    describe('and an event fails and asks never to be retried', () => {
        const failForGoodAtOne = () => new ScriptedEventProcessor((event, attempt) => (event.position === 1 && attempt === 1 ? outcomes.failedForGood('Unknown dish') : outcomes.succeeded));

        describe('and the processor is woken by a commit a day later', () => {
            const { tenant, key, state } = givenAProcessorOnATenant(backend);
            const head = failForGoodAtOne();
            let persistedAfterFailure: StreamProcessorState | undefined;
            beforeAll(async () => {
                let dayLater = 0;
                await tenant().commit(...dishes(2));
                tenant().run(aStreamProcessor(tenant(), { key, processor: head, clock: () => Date.now() + dayLater }));
                await waitUntil(() => tenant().changes.waitsOn(logChanges) >= 1, 'the processor waited after the failure');
                persistedAfterFailure = await state();
                dayLater = 24 * 60 * 60 * 1_000;
                await tenant().commit(...dishes(1));
                await waitUntil(() => tenant().changes.waitsOn(logChanges) >= 2, 'the processor looked again and went back to waiting');
            });

            it('persists the failure as never to be retried', () => {
                expect(persistedAfterFailure).toMatchObject({ position: 1, failure: { reason: 'Unknown dish', attempts: 1, retryTime: neverRetry } });
            });

            it('does not retry it', () => {
                expect(head.sequenceNumbers).toEqual([0, 1]);
            });
        });

        describe('and a new processor starts', () => {
            const { tenant, key, positionIs } = givenAProcessorOnATenant(backend);
            const head = failForGoodAtOne();
            beforeAll(async () => {
                await tenant().commit(...dishes(3));
                const first = tenant().run(aStreamProcessor(tenant(), { key, processor: head }));
                await waitUntil(() => tenant().changes.waitsOn(logChanges) >= 1, 'the processor waited after the failure');
                await first.stop();
                tenant().run(aStreamProcessor(tenant(), { key, processor: head }));
                await waitUntil(positionIs(3), 'the new processor reached position 3');
            });

            it('retries it with its retry state, and then goes on', () => {
                expect(head.calls.map((call) => [call.sequenceNumber, call.retry])).toEqual([
                    [0, undefined],
                    [1, undefined],
                    [1, { reason: 'Unknown dish', attempts: 1 }],
                    [2, undefined],
                ]);
            });
        });
    });

    describe('and it is stopped while an event is in flight', () => {
        const { tenant, key, state, positionIs } = givenAProcessorOnATenant(backend);
        // The head answers success only as the processor stops: too late, the processor must not count it.
        const held = new ScriptedEventProcessor((event, _attempt, signal) =>
            event.position === 1 ? new Promise((resolve) => signal.addEventListener('abort', () => resolve(outcomes.succeeded), { once: true })) : outcomes.succeeded);
        const next = new ScriptedEventProcessor();
        let persistedAfterStop: StreamProcessorState | undefined;
        beforeAll(async () => {
            await tenant().commit(...dishes(3));
            const processor = tenant().run(aStreamProcessor(tenant(), { key, processor: held }));
            await waitUntil(() => held.sequenceNumbers.includes(1), 'event 1 is in flight');
            await processor.stop();
            persistedAfterStop = await state();
            tenant().run(aStreamProcessor(tenant(), { key, processor: next }));
            await waitUntil(positionIs(3), 'the next processor reached position 3');
        });

        it('does not mark the in-flight event processed', () => {
            expect(persistedAfterStop).toMatchObject({ position: 1, failure: undefined });
        });

        it('delivers the in-flight event again to the next processor', () => {
            expect(next.sequenceNumbers).toEqual([1, 2]);
        });
    });
});
