import { beforeAll, describe, expect, it } from 'vitest';
import { newGuid, type Guid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import type { FailingPartition, PartitionedStreamProcessorState } from '../streams/index.js';
import { anEventHandler, type EventHandlerUnderTest } from './given/anEventHandler.js';
import { processingBackends, type ProcessingBackend } from './given/processingBackends.js';
import { processingOutcomes as outcomes } from './given/processingOutcomes.js';
import { ScriptedEventProcessor, type ProcessingScript } from './given/ScriptedEventProcessor.js';
import { TenantUnderTest } from './given/TenantUnderTest.js';
import { neverRetry } from './retryTimeFor.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const dishPrepared = newGuid();
const failingKitchen = newGuid();
const flowingKitchen = newGuid();
// Stream positions 0..4 in order: the failing kitchen has 0, 2 and 4, the flowing kitchen 1 and 3.
const kitchens = [failingKitchen, flowingKitchen, failingKitchen, flowingKitchen, failingKitchen];

const positionsOf = (head: ScriptedEventProcessor, kitchen: Guid) => head.callsFrom(kitchen).map((call) => call.position);
const failFirstAttemptAt = (position: number, reason: string, retryTimeout: number): ProcessingScript => (event, attempt) =>
    event.position === position && attempt === 1 ? outcomes.failed(reason, retryTimeout) : outcomes.succeeded;

/**
 * A tenant for the suite with a partitioned event handler whose stream gets the kitchens' events; the handler's
 * processor starts with the suite's head once the events are committed.
 */
function givenAPartitionedHandler(backend: ProcessingBackend, script: ProcessingScript) {
    const tenant = TenantUnderTest.forSuite(backend);
    const head = new ScriptedEventProcessor(script);
    let handler: EventHandlerUnderTest | undefined;
    let startedAt = 0;
    const started = () => {
        if (handler === undefined) {
            throw new Error('The handler has not started');
        }
        return handler;
    };
    const state = async () => (await tenant().tenant.storage.streams.state(started().processor)) as PartitionedStreamProcessorState | undefined;
    const failing = async (): Promise<FailingPartition | undefined> => (await state())?.failingPartitions.get(failingKitchen);
    const mainCaughtUp = async () => (await state())?.position === kitchens.length;
    const caughtUp = async () => (await mainCaughtUp()) && (await state())?.failingPartitions.size === 0;
    beforeAll(async () => {
        startedAt = Date.now();
        handler = anEventHandler(tenant(), [dishPrepared], true);
        await tenant().commit(...kitchens.map((eventSourceId) => ({ type: dishPrepared, eventSourceId })));
        handler.start(head);
    });
    return { tenant, head, handler: started, startedAt: () => startedAt, state, failing, mainCaughtUp, caughtUp };
}

describeForEachBackend(backends, 'when a partitioned stream processor reads an event handler stream stored in $name', (backend) => {
    describe('and an event of one partition fails with a long retry timeout', () => {
        const given = givenAPartitionedHandler(backend, failFirstAttemptAt(0, 'The grill is on fire', 60_000));
        beforeAll(async () => {
            await waitUntil(async () => (await given.mainCaughtUp()) && (await given.failing()) !== undefined, 'the main position reached the end of the stream');
        });

        it('goes on with the events of the other partitions', () => {
            expect(positionsOf(given.head, flowingKitchen)).toEqual([1, 3]);
        });

        it('holds back the later events of the failing partition', () => {
            expect(positionsOf(given.head, failingKitchen)).toEqual([0]);
        });

        it('persists the failing partition at the failed event with its reason and one attempt', async () => {
            expect(await given.failing()).toMatchObject({ position: 0, reason: 'The grill is on fire', attempts: 1 });
        });

        it('persists when the partition failed and the retry time the head asked for', async () => {
            const persisted = await given.failing();
            expect([(persisted?.lastFailed ?? 0) >= given.startedAt(), (persisted?.retryTime ?? 0) - (persisted?.lastFailed ?? 0)]).toEqual([true, 60_000]);
        });
    });

    describe('and an event of one partition fails once with a short retry timeout', () => {
        const given = givenAPartitionedHandler(backend, failFirstAttemptAt(0, 'The grill is on fire', 100));
        beforeAll(async () => {
            await waitUntil(given.caughtUp, 'every partition caught up');
        });

        it('retries the event with its retry state and then processes the partition\'s later events in order', () => {
            expect(given.head.callsFrom(failingKitchen).map((call) => [call.position, call.retry])).toEqual([
                [0, undefined],
                [0, { reason: 'The grill is on fire', attempts: 1 }],
                [2, undefined],
                [4, undefined],
            ]);
        });

        it('processes the other partitions before the retry', () => {
            const retryIndex = given.head.calls.findIndex((call) => call.retry !== undefined);
            expect(given.head.calls.slice(0, retryIndex).map((call) => call.position)).toEqual([0, 1, 3]);
        });

        it('removes the partition once it has caught up with the main position', async () => {
            expect([await given.state(), given.head.calls.length]).toEqual([expect.objectContaining({ position: 5, failingPartitions: new Map() }), 6]);
        });
    });

    describe('and a later event of the partition fails after the retried one succeeded', () => {
        const persistedAtRetryOfTwo: Array<FailingPartition | undefined> = [];
        const given = givenAPartitionedHandler(backend, async (event, attempt) => {
            if (event.position === 2 && attempt === 2) {
                persistedAtRetryOfTwo.push(await given.failing());
            }
            return (event.position === 0 || event.position === 2) && attempt === 1 ? outcomes.failed(`Dropped dish ${event.position}`, 50) : outcomes.succeeded;
        });
        beforeAll(async () => {
            await waitUntil(given.caughtUp, 'every partition caught up');
        });

        it('retries the later event as its first failure', () => {
            expect(given.head.callsFrom(failingKitchen).map((call) => [call.position, call.retry])).toEqual([
                [0, undefined],
                [0, { reason: 'Dropped dish 0', attempts: 1 }],
                [2, undefined],
                [2, { reason: 'Dropped dish 2', attempts: 1 }],
                [4, undefined],
            ]);
        });

        it('persists the later failure at its own position with one attempt', () => {
            expect(persistedAtRetryOfTwo).toEqual([expect.objectContaining({ position: 2, reason: 'Dropped dish 2', attempts: 1 })]);
        });
    });

    describe('and an event of one partition fails and asks never to be retried', () => {
        const given = givenAPartitionedHandler(backend, (event, attempt) => (event.position === 0 && attempt === 1 ? outcomes.failedForGood('Unknown dish') : outcomes.succeeded));
        let persistedBeforeRestart: FailingPartition | undefined;
        beforeAll(async () => {
            await waitUntil(async () => (await given.mainCaughtUp()) && (await given.failing()) !== undefined, 'the main position reached the end of the stream');
            persistedBeforeRestart = await given.failing();
            await given.handler().restart(given.head);
            await waitUntil(given.caughtUp, 'every partition caught up');
        });

        it('persists the partition as never to be retried', () => {
            expect(persistedBeforeRestart).toMatchObject({ position: 0, attempts: 1, retryTime: neverRetry });
        });

        it('retries the partition once a new processor starts, and then catches it up', () => {
            expect(positionsOf(given.head, failingKitchen)).toEqual([0, 0, 2, 4]);
        });
    });

    describe('and it is restarted while a partition is failing', () => {
        const given = givenAPartitionedHandler(backend, failFirstAttemptAt(0, 'The grill is on fire', 60_000));
        beforeAll(async () => {
            await waitUntil(async () => (await given.mainCaughtUp()) && (await given.failing()) !== undefined, 'the failing partition was persisted');
            // The new processor's clock is past the retry time the first one persisted.
            await given.handler().restart(given.head, () => Date.now() + 61_000);
            await waitUntil(given.caughtUp, 'every partition caught up');
        });

        it('keeps the failing partition and retries it at its retry time', () => {
            expect(given.head.calls.map((call) => [call.position, call.retry?.attempts])).toEqual([[0, undefined], [1, undefined], [3, undefined], [0, 1], [2, undefined], [4, undefined]]);
        });
    });
});
