import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from './given/backendsForTests.js';
import { commitEvents } from './given/commitEvents.js';
import { connectClient, type ConnectedClient } from './given/connectClient.js';
import { developmentTenant } from './given/developmentTenant.js';
import { HandledEvents } from './given/HandledEvents.js';
import { printLogsOnFailure } from './given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from './given/RuntimeUnderTest.js';
import { startRuntime } from './given/startRuntime.js';
import { waitUntil } from './given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = await backendsForTests(import.meta.url);

describeForEachBackend(backends, 'when a Runtime on the $kind store is stopped and started again while an SDK event handler stays connected', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let connected: ConnectedClient;
    let stoppedWith = '';
    const handled = new HandledEvents();
    const eventTypeId = randomUUID();
    const eventSourceId = randomUUID();
    printLogsOnFailure(() => runtime);

    const commitNumbers = (numbers: ReadonlyArray<number>) =>
        commitEvents(connected.client.eventStore.forTenant(developmentTenant), eventTypeId, numbers.map((n) => ({ content: { n }, eventSourceId })));

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        connected = connectClient(runtime, (builder) => builder.withEventHandlers((eventHandlers) => {
            eventHandlers.createEventHandler(randomUUID(), (eventHandler) => eventHandler.partitioned().handle(eventTypeId, handled.handler()));
        }));
        await commitNumbers([1, 2, 3]);
        await handled.waitFor((call) => call.content['n'] === 3, 'the handler handled the events before the stop');
        await runtime.stop();
        stoppedWith = runtime.exitDescription();
        await runtime.restart();
        // The client's channel reconnects with back-off, so its first calls after the restart may find no connection yet.
        await waitUntil(() => commitNumbers([4, 5]).then(() => true, (error: { code?: number }) => {
            if (error.code !== 14) {
                throw error;
            }
            return false;
        }), 'the client could commit again after the restart');
        await handled.waitFor((call) => call.content['n'] === 5, 'the reconnected handler handled the events after the restart', 30_000);
    }, 60_000);
    afterAll(async () => {
        connected?.disconnect();
        await runtime?.dispose();
    });

    it('shuts down cleanly when asked to', () => expect(stoppedWith).toBe('exit code 0'));
    it('hands the reconnected handler only the new events, in order', () => {
        expect(handled.calls.map((call) => call.content['n'])).toEqual([1, 2, 3, 4, 5]);
    });
});
