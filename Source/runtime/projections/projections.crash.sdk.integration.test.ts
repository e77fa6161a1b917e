import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { readModels, waitForReadModels } from './given/readModels.js';

const backends = await backendsForTests(import.meta.url);
const eventCount = 10_000;
const keyCount = 100;
const eventsPerCommit = 1_000;

class Counter {
    count = 0;
    sum = 0;
    last = -1;
}

describeForEachBackend(backends, 'when a Runtime on the $kind store is killed while it projects a backlog, and restarted', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    printLogsOnFailure(() => runtime);
    const eventType = randomUUID();
    const projectionId = randomUUID();
    const keys = Array.from({ length: keyCount }, () => randomUUID());
    // What a clean run produces: every key's events counted once, summed, and seen in order (last is the highest n).
    const expected: Record<string, Counter> = {};
    for (let n = 0; n < eventCount; n++) {
        const key = keys[n % keyCount]!;
        const counter = expected[key] ?? { count: 0, sum: 0, last: -1 };
        expected[key] = { count: counter.count + 1, sum: counter.sum + n, last: n };
    }
    let projectedWhenKilled = -1;
    let final: Record<string, unknown> = {};

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        const committer = connectClient(runtime);
        clients.push(committer);
        for (let first = 0; first < eventCount; first += eventsPerCommit) {
            const events = Array.from({ length: eventsPerCommit }, (_, index) => ({ content: { n: first + index }, eventSourceId: keys[(first + index) % keyCount]! }));
            await commitEvents(committer.client.eventStore.forTenant(developmentTenant), eventType, events);
        }
        const head = connectClient(runtime, (builder) => builder.withProjections((projections) => {
            projections.createProjection(projectionId).forReadModel(Counter).on(eventType, (key) => key.keyFromEventSource(), (counter: Counter, event: { n: number }) => {
                // A repeated or skipped event would show in the count, and an event out of order in `last`.
                counter.count += 1;
                counter.sum += event.n;
                counter.last = event.n > counter.last ? event.n : Number.NaN;
                return counter;
            });
        }));
        clients.push(head);
        await waitUntil(async () => Object.keys(await readModels(head.client, developmentTenant, projectionId)).length > 0, 'the projection committed its first read models', 30_000);
        // The batch committed first is a fraction of the backlog, so the kill comes part of the way through it.
        const before = await readModels(head.client, developmentTenant, projectionId);
        projectedWhenKilled = Object.values(before).reduce((total: number, counter) => total + (counter as Counter).count, 0);
        await runtime.kill('SIGKILL');
        await runtime.restart();
        // The SDK reconnects the projection by itself; the Runtime resumes at the committed position.
        final = await waitForReadModels(head.client, developmentTenant, projectionId, expected, 120_000);
    }, 240_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    it('ends with the read models of a clean run: no event applied twice, none missed, each key in order', () => {
        expect(final).toEqual(expected);
    });
    it('was killed part of the way through the backlog', () => {
        expect([projectedWhenKilled > 0, projectedWhenKilled < eventCount]).toEqual([true, true]);
    });
});
