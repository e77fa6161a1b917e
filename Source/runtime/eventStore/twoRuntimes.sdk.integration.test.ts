import { randomUUID } from 'node:crypto';
import { AggregateRootId, AggregateRootVersion, EventSourceId, type CommitAggregateEventsResult } from '@dolittle/sdk.events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { DishPrepared } from '../host/given/kitchen/DishPrepared.js';
import { tutorialIds } from '../host/given/kitchen/tutorialIds.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = await backendsForTests(import.meta.url);
const concurrencyConflict = 'f25cccfb-3ae1-4969-bee6-906370ffbc2d';

/**
 * Documentation/storage.md says a second Runtime on one store is guarded against. The guard must not leave a Runtime
 * believing an aggregate is where it last saw it: a commit at the aggregate's true version succeeds through either.
 */
describeForEachBackend(backends, 'when two Runtimes share one $kind store and each moves the same aggregate', (backend) => {
    let first: RuntimeUnderTest | undefined;
    let second: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    const kitchen = EventSourceId.from(randomUUID());
    const aggregate = AggregateRootId.from(tutorialIds.kitchen);
    const outcomes: CommitAggregateEventsResult[] = [];
    printLogsOnFailure(() => first);
    printLogsOnFailure(() => second);

    beforeAll(async () => {
        const resources = backend.kind === 'postgres'
            ? { [developmentTenant]: { eventStore: { postgres: { connectionString: backend.connectionString, schema: 'shared_by_two_runtimes' } } } }
            : undefined;
        first = await startRuntime({ backend, ...(resources === undefined ? {} : { resources }) });
        second = await startRuntime({ backend, dataFolder: first.dataFolder, ...(resources === undefined ? {} : { resources }) });
        const eventStoreOf = (runtime: RuntimeUnderTest) => {
            const client = connectClient(runtime, (builder) => builder.withEventTypes((eventTypes) => eventTypes.associate(DishPrepared, tutorialIds.dishPrepared)));
            clients.push(client);
            return client.client.eventStore.forTenant(developmentTenant);
        };
        const throughFirst = eventStoreOf(first);
        const throughSecond = eventStoreOf(second);
        const commit = async (eventStore: typeof throughFirst, dish: string, expectedVersion: number) => {
            outcomes.push(await eventStore.commitForAggregate(new DishPrepared(dish, 'Mr. Taco'), kitchen, aggregate, AggregateRootVersion.from(expectedVersion), tutorialIds.dishPrepared));
        };
        await commit(throughSecond, 'Taco by the second', 0);
        await commit(throughFirst, 'Taco by the first', 1);
        await commit(throughSecond, 'Burrito by the second at the true version', 2);
        await commit(throughSecond, 'Burrito by the second at a stale version', 2);
    });
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await second?.dispose();
        await first?.dispose();
    });

    it('commits the first event through the second Runtime', () => expect(outcomes[0]?.failed).toBe(false));
    it('commits at the true version through the first Runtime', () => expect(outcomes[1]?.failed).toBe(false));
    it('commits at the true version through the second Runtime after the first moved the aggregate', () => {
        expect(outcomes[2]?.failure?.reason.value).toBeUndefined();
        expect(outcomes[2]?.failed).toBe(false);
    });
    it('still refuses a commit at a stale version, as a concurrency conflict', () => {
        expect(outcomes[3]?.failure?.id.value.toString()).toBe(concurrencyConflict);
    });
    it('leaves the aggregate with its three events, in commit order, in the shared store', async () => {
        const client = clients[0]!;
        const events = await client.client.eventStore.forTenant(developmentTenant).fetchForAggregate(aggregate, kitchen);
        expect(events.toArray().map((event) => (event.content as { Dish: string }).Dish)).toEqual([
            'Taco by the second',
            'Taco by the first',
            'Burrito by the second at the true version',
        ]);
    });
});
