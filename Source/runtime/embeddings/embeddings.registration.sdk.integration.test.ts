import { randomUUID } from 'node:crypto';
import { AggregateRootId, AggregateRootVersion, EventTypeId } from '@dolittle/sdk.events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { eventSourceIdOfKey } from './eventSourceIdOfKey.js';
import { embeddingFailureIds } from './failures.js';

const backends = await backendsForTests(import.meta.url);

type LogLine = { readonly msg: string; readonly embedding?: string; readonly failureId?: string; readonly reason?: string };

class CountAdded {
    constructor(readonly by: number) {}
}

describeForEachBackend(backends, 'when embeddings register, disconnect and register again on a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    printLogsOnFailure(() => runtime);
    const embeddingId = randomUUID();
    const countAdded = randomUUID();
    let failureWhileDisconnected = '';
    let refreshedState: unknown;
    const logLines = () => (runtime?.logs() ?? '').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine);
    const register = (initialCount: number) => {
        const client = connectClient(runtime!, (builder) => builder
            .withEventTypes((eventTypes) => eventTypes.associate(CountAdded, countAdded))
            .withEmbeddings((embeddings) => {
                embeddings.createEmbedding(embeddingId).forReadModel(class Counter { count = initialCount; })
                    .resolveUpdateToEvents((desired: { count: number }, current: { count: number }) => new CountAdded(desired.count - current.count))
                    .resolveDeletionToEvents((current: { count: number }) => new CountAdded(-current.count))
                    .on(CountAdded, (counter: { count: number }, event: CountAdded) => ({ count: counter.count + event.by }));
            }));
        clients.push(client);
        return client;
    };
    const registered = () => logLines().filter((line) => line.msg === 'Embedding registered; its processors run for every tenant' && line.embedding === embeddingId).length;
    const disconnected = () => logLines().filter((line) => line.msg === 'Embedding disconnected; its processors stopped and its id is free again' && line.embedding === embeddingId).length;

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        const first = register(0);
        await waitUntil(() => registered() === 1, 'the embedding registered');
        await first.client.embeddings.forTenant(developmentTenant).update('counter', embeddingId, { count: 2 });
        first.disconnect();
        await waitUntil(() => disconnected() === 1, 'the embedding disconnected');
        failureWhileDisconnected = await first.client.embeddings.forTenant(developmentTenant).update('counter', embeddingId, { count: 3 }).then(() => 'no failure', (error: unknown) => String(error));
        // Committed while no head has the embedding: the next registration brings the key up to it.
        const committed = await first.client.eventStore.forTenant(developmentTenant).commitForAggregate(
            new CountAdded(5), eventSourceIdOfKey('counter'), AggregateRootId.from(embeddingId), AggregateRootVersion.from(1), EventTypeId.from(countAdded));
        expect(committed.failed).toBe(false);
        const second = register(0);
        await waitUntil(() => registered() === 2, 'the embedding registered again');
        const embeddings = second.client.embeddings.forTenant(developmentTenant);
        await waitUntil(async () => {
            refreshedState = JSON.parse(JSON.stringify((await embeddings.get('counter', embeddingId)).state)) as unknown;
            return JSON.stringify(refreshedState) === JSON.stringify({ count: 7 });
        }, 'the counter was refreshed to 7', 30_000).catch(() => undefined);
        second.disconnect();
        await waitUntil(() => disconnected() === 2, 'the embedding disconnected again');
        register(100);
    }, 90_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    describe('and an update arrives while no head has the embedding', () => {
        it('answers NoEmbeddingRegisteredForTenant at once', () => {
            expect(failureWhileDisconnected).toContain(embeddingFailureIds.noEmbeddingRegisteredForTenant);
        });
    });
    describe('and events were committed to a key\'s aggregate while no head had the embedding', () => {
        it('brings the key up to them when the embedding registers again', () => {
            expect(refreshedState).toEqual({ count: 7 });
        });
    });
    describe('and a head registers the embedding with a different initial state', () => {
        it('refuses it with FailedToRegisterEmbedding, saying what changed', async () => {
            await waitUntil(() => logLines().some((line) => line.msg === 'Embedding registration refused' && line.embedding === embeddingId && line.reason?.includes('initial state') === true), 'the changed embedding was refused');
            const refusal = logLines().find((line) => line.msg === 'Embedding registration refused' && line.embedding === embeddingId && line.reason?.includes('initial state') === true);
            expect(refusal).toMatchObject({ failureId: embeddingFailureIds.failedToRegisterEmbedding, reason: expect.stringContaining('its initial state changed from {"count":0} to {"count":100}') });
        });
    });
});
