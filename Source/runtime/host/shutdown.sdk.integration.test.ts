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
const clientCount = 8;
const committersPerClient = 4;
const acknowledgedBeforeSignal = 300;
// Below the harness's 15 s grace before it kills the process: a Runtime that overruns its bound exits with code 1.
const shutdownTimeoutSeconds = 12;

type Acknowledged = { readonly sequenceNumber: number; readonly content: Record<string, unknown> };

describeForEachBackend(backends, 'when a Runtime on the $kind store gets SIGTERM while 32 SDK committers commit, and is restarted', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    const eventTypeId = randomUUID();
    const acknowledged: Acknowledged[] = [];
    const commitErrors: unknown[] = [];
    const readBack = new HandledEvents();
    let exit = '';
    let logs = '';
    printLogsOnFailure(() => runtime);

    const commitUntilRefused = async (client: ConnectedClient, committer: number) => {
        const eventStore = client.client.eventStore.forTenant(developmentTenant);
        const eventSourceId = randomUUID();
        for (let counter = 0; ; counter++) {
            const events = Array.from({ length: 1 + (counter % 3) }, (_, index) => ({ content: { committer, counter, index }, eventSourceId }));
            try {
                for (const event of await commitEvents(eventStore, eventTypeId, events)) {
                    acknowledged.push({ sequenceNumber: event.eventLogSequenceNumber.value, content: event.content as Record<string, unknown> });
                }
            } catch (error) {
                commitErrors.push(error);
                return;
            }
        }
    };

    beforeAll(async () => {
        runtime = await startRuntime({ backend, arguments: ['--shutdown-timeout', String(shutdownTimeoutSeconds)] });
        const committers = Array.from({ length: clientCount }, () => connectClient(runtime!));
        clients.push(...committers);
        const loops = committers.flatMap((client, clientIndex) =>
            Array.from({ length: committersPerClient }, (_, index) => commitUntilRefused(client, clientIndex * committersPerClient + index)));
        await waitUntil(() => acknowledged.length >= acknowledgedBeforeSignal, `${acknowledgedBeforeSignal} events were acknowledged`, 60_000);
        await runtime.kill('SIGTERM');
        exit = runtime.exitDescription();
        logs = runtime.logs();
        await Promise.all(loops);

        await runtime.restart();
        const reader = connectClient(runtime, (builder) => builder.withEventHandlers((eventHandlers) => {
            eventHandlers.createEventHandler(randomUUID(), (eventHandler) => eventHandler.unpartitioned().handle(eventTypeId, readBack.handler()));
        }));
        clients.push(reader);
        await commitEvents(reader.client.eventStore.forTenant(developmentTenant), eventTypeId, [{ content: { sentinel: true }, eventSourceId: randomUUID() }]);
        await readBack.waitFor((call) => call.content['sentinel'] === true, 'a fresh handler read the event log up to the sentinel committed after the restart', 60_000);
    }, 180_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    it('exits with code 0', () => expect(exit).toBe('exit code 0'));
    it('stops within the shutdown timeout', () => {
        expect(logs).toContain('The Runtime stopped');
        expect(logs).not.toContain('The shutdown took longer than --shutdown-timeout');
    });
    it('stores every acknowledged commit', () => {
        const stored = new Map(readBack.calls.map((call) => [call.sequenceNumber, call.content]));
        const lost = acknowledged.filter((event) => JSON.stringify(stored.get(event.sequenceNumber)) !== JSON.stringify(event.content));
        expect(acknowledged.length).toBeGreaterThanOrEqual(acknowledgedBeforeSignal);
        expect(lost).toEqual([]);
    });
    it('ends every committer with a gRPC status once the Runtime stops accepting calls', () => {
        expect(commitErrors).toHaveLength(clientCount * committersPerClient);
        expect(commitErrors.filter((error) => typeof (error as { code?: unknown }).code !== 'number')).toEqual([]);
    });
});
