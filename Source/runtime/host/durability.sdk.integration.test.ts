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
const committerCount = 4;
const acknowledgedBeforeKill = 500;

type Acknowledged = { readonly sequenceNumber: number; readonly content: Record<string, unknown> };

describeForEachBackend(backends, 'when a Runtime on the $kind store is killed while several SDK clients commit, and restarted', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    const eventTypeId = randomUUID();
    const acknowledged: Acknowledged[] = [];
    const commitErrors: unknown[] = [];
    const readBack = new HandledEvents();
    let sentinelSequenceNumber = -1;
    printLogsOnFailure(() => runtime);

    const commitUntilStopped = async (committer: ConnectedClient, committerIndex: number, stopped: () => boolean) => {
        const eventStore = committer.client.eventStore.forTenant(developmentTenant);
        const eventSourceId = randomUUID();
        for (let counter = 0; !stopped(); counter++) {
            const events = Array.from({ length: 1 + (counter % 3) }, (_, index) => ({ content: { committerIndex, counter, index }, eventSourceId }));
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
        runtime = await startRuntime({ backend });
        let stopped = false;
        const committers = Array.from({ length: committerCount }, () => connectClient(runtime!));
        clients.push(...committers);
        const loops = committers.map((committer, index) => commitUntilStopped(committer, index, () => stopped));
        await waitUntil(() => acknowledged.length >= acknowledgedBeforeKill, `${acknowledgedBeforeKill} events were acknowledged`, 30_000);
        await runtime.kill('SIGKILL');
        stopped = true;
        await Promise.all(loops);

        await runtime.restart();
        const reader = connectClient(runtime, (builder) => builder.withEventHandlers((eventHandlers) => {
            eventHandlers.createEventHandler(randomUUID(), (eventHandler) => eventHandler.unpartitioned().handle(eventTypeId, readBack.handler()));
        }));
        clients.push(reader);
        const [sentinel] = await commitEvents(reader.client.eventStore.forTenant(developmentTenant), eventTypeId, [{ content: { sentinel: true }, eventSourceId: randomUUID() }]);
        sentinelSequenceNumber = sentinel?.eventLogSequenceNumber.value ?? -1;
        await readBack.waitFor((call) => call.content['sentinel'] === true, 'a fresh handler read the event log up to the sentinel committed after the restart', 60_000);
    }, 120_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    it('loses no acknowledged event', () => {
        const stored = new Map(readBack.calls.map((call) => [call.sequenceNumber, call.content]));
        const lost = acknowledged.filter((event) => JSON.stringify(stored.get(event.sequenceNumber)) !== JSON.stringify(event.content));
        expect(acknowledged.length).toBeGreaterThanOrEqual(acknowledgedBeforeKill);
        expect(lost).toEqual([]);
    });
    it('keeps an event log without gaps, numbered from 0, after the restart', () => {
        expect(readBack.calls.map((call) => call.sequenceNumber)).toEqual(Array.from({ length: sentinelSequenceNumber + 1 }, (_, index) => index));
    });
    it('acknowledges every sequence number once', () => {
        const sequenceNumbers = acknowledged.map((event) => event.sequenceNumber);
        expect(new Set(sequenceNumbers).size).toBe(sequenceNumbers.length);
    });
    it('fails the commits under way only because the Runtime went away', () => {
        expect(commitErrors.filter((error) => typeof (error as { code?: unknown }).code !== 'number')).toEqual([]);
    });
});
