import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { HandledEvents } from '../host/given/HandledEvents.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { eventsHandedAgainAtMost } from '../streamProcessors/index.js';

const backends = await backendsForTests(import.meta.url);
const eventCount = 4_000;
const eventsPerCommit = 1_000;
const eventSourceCount = 100;
/**
 * How many events each handler has handled when the Runtime is killed: a part of the backlog. The partitioned handler
 * catches up several times faster (several partitions in flight), so it is killed earlier in its part.
 */
const handledWhenKilled = { unpartitioned: 100, partitioned: 1_000 } as const;

/** How often each event was handed over: the events never handed, and how many handings were repeats. */
function countsOf(handled: HandledEvents) {
    const seen = new Set<number>();
    let repeats = 0;
    for (const call of handled.calls) {
        if (seen.has(call.sequenceNumber)) {
            repeats++;
        }
        seen.add(call.sequenceNumber);
    }
    const missing = Array.from({ length: eventCount }, (_, sequenceNumber) => sequenceNumber).filter((sequenceNumber) => !seen.has(sequenceNumber));
    return { missing, repeats };
}

describeForEachBackend(backends, 'when a Runtime on the $kind store is killed (SIGKILL) while SDK event handlers catch up, and restarted', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    printLogsOnFailure(() => runtime);
    const eventType = randomUUID();
    const eventSources = Array.from({ length: eventSourceCount }, () => randomUUID());
    const unpartitioned = new HandledEvents();
    const partitioned = new HandledEvents();
    let distinctWhenKilled: ReadonlyArray<number> = [];

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        const committer = connectClient(runtime);
        clients.push(committer);
        for (let first = 0; first < eventCount; first += eventsPerCommit) {
            const events = Array.from({ length: eventsPerCommit }, (_, index) => ({ content: { n: first + index }, eventSourceId: eventSources[(first + index) % eventSourceCount]! }));
            await commitEvents(committer.client.eventStore.forTenant(developmentTenant), eventType, events);
        }
        const head = connectClient(runtime, (builder) => builder.withEventHandlers((handlers) => {
            handlers.createEventHandler(randomUUID(), (handler) => handler.unpartitioned().handle(eventType, unpartitioned.handler()));
            handlers.createEventHandler(randomUUID(), (handler) => handler.partitioned().handle(eventType, partitioned.handler()));
        }));
        clients.push(head);
        const distinct = (handled: HandledEvents) => new Set(handled.calls.map((call) => call.sequenceNumber)).size;
        await waitUntil(() => distinct(unpartitioned) >= handledWhenKilled.unpartitioned && distinct(partitioned) >= handledWhenKilled.partitioned, 'both handlers handled a part of the backlog', 60_000);
        await runtime.kill('SIGKILL');
        distinctWhenKilled = [distinct(unpartitioned), distinct(partitioned)];
        await runtime.restart();
        // The SDK registers the handlers again by itself; the Runtime goes on from the stored positions.
        await waitUntil(() => distinct(unpartitioned) === eventCount && distinct(partitioned) === eventCount, 'both handlers handled every event after the restart', 120_000);
    }, 240_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    it('was killed part of the way through the backlog', () => {
        expect(distinctWhenKilled.map((count) => count < eventCount ? 'part' : `all ${count}`)).toEqual(['part', 'part']);
    });
    it('hands the unpartitioned handler every event, and no more than the documented bound again', () => {
        const { missing, repeats } = countsOf(unpartitioned);
        expect([missing, repeats <= eventsHandedAgainAtMost]).toEqual([[], true]);
    });
    it('hands the partitioned handler every event, and no more than the documented bound again', () => {
        const { missing, repeats } = countsOf(partitioned);
        expect([missing, repeats <= eventsHandedAgainAtMost]).toEqual([[], true]);
    });
});
