import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { HandledEvents, type HandledEvent } from '../host/given/HandledEvents.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = await backendsForTests(import.meta.url);
// The SDK asks for a retry after 5 seconds on a first failure, so waiting for a retry takes that long.
const retryDeadline = 30_000;

describeForEachBackend(backends, 'when an SDK event handler fails once on an event, on a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    const partitioned = { handled: new HandledEvents(), failing: randomUUID(), flowing: randomUUID(), done: Promise.resolve() };
    const unpartitioned = { handled: new HandledEvents(), eventSources: [randomUUID(), randomUUID(), randomUUID()], done: Promise.resolve() };
    printLogsOnFailure(() => runtime);

    const startHandler = (partitionedHandler: boolean, eventTypeId: string, handled: HandledEvents, failWhen: (call: HandledEvent, earlierAttempts: number) => boolean) => {
        clients.push(connectClient(runtime!, (builder) => builder.withEventHandlers((eventHandlers) => {
            eventHandlers.createEventHandler(randomUUID(), (eventHandler) => {
                (partitionedHandler ? eventHandler.partitioned() : eventHandler.unpartitioned()).handle(eventTypeId, handled.handler(failWhen));
            });
        })));
    };
    const commitOne = (eventTypeId: string, n: number, eventSourceId: string) =>
        commitEvents(clients[0]!.client.eventStore.forTenant(developmentTenant), eventTypeId, [{ content: { n }, eventSourceId }]);

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        clients.push(connectClient(runtime));
        // Both scenarios start at once, so that their retry waits overlap.
        const partitionedType = randomUUID();
        startHandler(true, partitionedType, partitioned.handled, (call, earlier) => call.eventSourceId === partitioned.failing && call.content['n'] === 1 && earlier === 0);
        const unpartitionedType = randomUUID();
        startHandler(false, unpartitionedType, unpartitioned.handled, (call, earlier) => call.content['n'] === 1 && earlier === 0);
        for (const [n, eventSourceId] of [[1, partitioned.failing], [1, partitioned.flowing], [2, partitioned.failing], [2, partitioned.flowing]] as const) {
            await commitOne(partitionedType, n, eventSourceId);
        }
        for (const [index, eventSourceId] of unpartitioned.eventSources.entries()) {
            await commitOne(unpartitionedType, index + 1, eventSourceId);
        }
        partitioned.done = partitioned.handled.waitFor((call) => call.eventSourceId === partitioned.failing && call.content['n'] === 2, 'the failing event source caught up', retryDeadline);
        unpartitioned.done = unpartitioned.handled.waitFor((call) => call.content['n'] === 3, 'the unpartitioned handler reached its last event', retryDeadline);
        await Promise.all([partitioned.done, unpartitioned.done]);
    }, 60_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    describe('and the handler is partitioned and fails for one event source', () => {
        const callsOf = (eventSourceId: string) => partitioned.handled.calls.filter((call) => call.eventSourceId === eventSourceId);

        it('retries the failed event and then handles the later events of that event source, in order', () => {
            expect(callsOf(partitioned.failing).map((call) => [call.content['n'], call.failed])).toEqual([[1, true], [1, false], [2, false]]);
        });
        it('handles every event of the other event source once', () => {
            expect(callsOf(partitioned.flowing).map((call) => [call.content['n'], call.failed])).toEqual([[1, false], [2, false]]);
        });
        it('keeps the other event source flowing while the failing one waits for its retry', () => {
            const calls = partitioned.handled.calls;
            const flowingDone = calls.findIndex((call) => call.eventSourceId === partitioned.flowing && call.content['n'] === 2);
            const retried = calls.findIndex((call) => call.eventSourceId === partitioned.failing && !call.failed);
            expect(flowingDone).toBeLessThan(retried);
        });
    });

    describe('and the handler is unpartitioned and fails on the first event', () => {
        it('halts at the failing event and goes on, in order, after the retry', () => {
            expect(unpartitioned.handled.calls.map((call) => [call.content['n'], call.failed])).toEqual([[1, true], [1, false], [2, false], [3, false]]);
        });
        it('hands the retried event the same sequence number', () => {
            const [failed, retried] = unpartitioned.handled.calls;
            expect(retried?.sequenceNumber).toBe(failed?.sequenceNumber);
        });
    });
});
