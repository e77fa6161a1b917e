import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import type { HeadUnderTest } from '../host/given/HeadUnderTest.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startHead } from '../host/given/startHead.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = await backendsForTests(import.meta.url);
const eventHandlerHead = fileURLToPath(new URL('../host/given/heads/eventHandlerHead.ts', import.meta.url));

describeForEachBackend(backends, 'when the head of an event handler on the $kind store stops answering pings', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let committer: ConnectedClient;
    let head: HeadUnderTest;
    const eventHandlerId = randomUUID();
    const eventTypeId = randomUUID();
    const eventSourceId = randomUUID();
    printLogsOnFailure(() => runtime);

    const logLines = (): ReadonlyArray<Record<string, unknown>> =>
        runtime!.logs().split('\n').flatMap((line) => {
            try {
                return [JSON.parse(line) as Record<string, unknown>];
            } catch {
                return [];
            }
        });
    const handledNumbers = () => head.messages().filter((message) => message['kind'] === 'handled').map((message) => (message['content'] as { n: number }).n);
    const commitNumbers = (numbers: ReadonlyArray<number>) =>
        commitEvents(committer.client.eventStore.forTenant(developmentTenant), eventTypeId, numbers.map((n) => ({ content: { n }, eventSourceId })));
    let disconnection: Record<string, unknown> | undefined;
    let processorStopped = false;

    beforeAll(async () => {
        runtime = await startRuntime({ backend, arguments: ['--log', 'runtime.eventHandlers=trace'] });
        committer = connectClient(runtime, (builder) => builder);
        head = startHead(eventHandlerHead, [JSON.stringify({ port: runtime.privatePort, eventHandlerId, eventTypeId, partitioned: false })]);
        await commitNumbers([1]);
        await head.waitForMessage((message) => (message['content'] as { n?: number } | undefined)?.n === 1, 'event 1 reached the head', 30_000);
        // Freeze the head only once the Runtime has its answer for event 1, so no event is in flight.
        await waitUntil(
            () => logLines().some((line) => line['eventHandler'] === eventHandlerId && line['msg'] === 'Processed an event' && line['position'] === 0),
            'the Runtime records event 1 as processed',
            20_000,
        );
        head.pause();
        await waitUntil(() => {
            disconnection = logLines().find((line) => line['eventHandler'] === eventHandlerId && String(line['msg']).startsWith('Event handler disconnected'));
            processorStopped = logLines().some((line) => line['eventHandler'] === eventHandlerId && line['msg'] === 'Stream processor stopped');
            return disconnection !== undefined && processorStopped;
        }, 'the Runtime drops the frozen head and stops its processors', 20_000);
        await commitNumbers([2]);
        head.resume();
        await head.waitForMessage((message) => (message['content'] as { n?: number } | undefined)?.n === 2, 'event 2 reached the head after it woke up', 30_000);
    }, 90_000);
    afterAll(async () => {
        committer?.disconnect();
        await head?.kill();
        await runtime?.dispose();
    });

    it('drops the connection because its keepalive expired', () => {
        expect(disconnection?.['reason']).toBe('keepaliveExpired');
    });

    it('stops the handler\'s processors', () => {
        expect(processorStopped).toBe(true);
    });

    it('hands the head the next event once it registers again, and no event twice', () => {
        expect(handledNumbers()).toEqual([1, 2]);
    });
});
