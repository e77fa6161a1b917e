import { randomUUID } from 'node:crypto';
import { AggregateRootId, AggregateRootVersion, EventSourceId, type CommitEventsResult, type CommittedEvent } from '@dolittle/sdk.events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { connectClient, tutorialMicroservice, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { callSynchronousSdk } from '../host/given/callSynchronousSdk.js';
import { DishPrepared } from '../host/given/kitchen/DishPrepared.js';
import { Kitchen } from '../host/given/kitchen/Kitchen.js';
import { tutorialIds } from '../host/given/kitchen/tutorialIds.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import { startRuntime } from '../host/given/startRuntime.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = await backendsForTests(import.meta.url);
const secondTenant = 'b5a1e0c6-8f0e-4d52-9c4b-3f6f2a9d7e10';
const unknownTenant = '7c8f4e2a-1b3d-4c5e-8f9a-0b1c2d3e4f50';
const otherFailureId = '05cc1d10-4efc-457b-84a6-a1be0a5f36ba';
const concurrencyConflictFailureId = 'f25cccfb-3ae1-4969-bee6-906370ffbc2d';

describeForEachBackend(backends, 'when an SDK client uses the event store of a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let connected: ConnectedClient;
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend, tenants: [developmentTenant, secondTenant] });
        connected = connectClient(runtime, (builder) => builder.withEventTypes((eventTypes) => {
            eventTypes.associate(DishPrepared, tutorialIds.dishPrepared);
        }));
    });
    afterAll(async () => {
        connected?.disconnect();
        await runtime?.dispose();
    });

    const eventStoreFor = (tenant: string) => connected.client.eventStore.forTenant(tenant);
    const prepareDish = async (tenant: string, kitchen: string, dish: string) => {
        const operations = await callSynchronousSdk(() => connected.client.aggregateOf(Kitchen, kitchen, (eventStore) => eventStore.forTenant(tenant)));
        await operations.perform((aggregate) => aggregate.prepareDish(dish, 'Mr. Taco'));
    };
    const eventsOfKitchen = async (tenant: string, kitchen: string) =>
        (await eventStoreFor(tenant).fetchForAggregate(AggregateRootId.from(tutorialIds.kitchen), EventSourceId.from(kitchen))).toArray();

    describe('and the getting-started tutorial commits a prepared taco for the development tenant', () => {
        let result: CommitEventsResult;
        let committed: CommittedEvent | undefined;
        beforeAll(async () => {
            result = await eventStoreFor(developmentTenant).commit(new DishPrepared('Bean Blaster Taco', 'Mr. Taco'), tutorialIds.eventSource);
            committed = result.events.toArray()[0];
        });

        it('succeeds with exactly the one event', () => {
            expect(result.failed).toBe(false);
            expect(result.events.toArray()).toHaveLength(1);
        });
        it('numbers it as the first event of the event log', () => expect(committed?.eventLogSequenceNumber.value).toBe(0));
        it('returns the content', () => expect(committed?.content).toEqual({ Dish: 'Bean Blaster Taco', Chef: 'Mr. Taco' }));
        it('returns the event source', () => expect(committed?.eventSourceId.toString()).toBe(tutorialIds.eventSource));
        it('returns the event type', () => expect(committed?.type.id.toString()).toBe(tutorialIds.dishPrepared));
        it('returns it as private', () => expect(committed?.isPublic).toBe(false));
        it('returns the execution context of the commit', () => {
            expect(committed?.executionContext.tenantId.toString()).toBe(developmentTenant);
            expect(committed?.executionContext.microserviceId.toString()).toBe(tutorialMicroservice);
        });
        it('numbers the next commit right after it', async () => {
            const next = await eventStoreFor(developmentTenant).commit(new DishPrepared('Avocado Artillery Tortilla', 'Mrs. Tex-Mex'), randomUUID());
            expect(next.events.toArray()[0]?.eventLogSequenceNumber.value).toBe(1);
        });
    });

    describe('and the aggregates tutorial prepares three dishes in a kitchen, each through a fresh aggregate', () => {
        const kitchen = randomUUID();
        let third: unknown;
        beforeAll(async () => {
            await prepareDish(developmentTenant, kitchen, 'Bean Blaster Taco');
            await prepareDish(developmentTenant, kitchen, 'Avocado Artillery Tortilla');
            third = await prepareDish(developmentTenant, kitchen, 'Chili Canon Wrap').then(() => 'no error', (error: unknown) => error);
        });

        it('refuses the third dish with the invariant', () => expect(String(third)).toContain('Cannot prepare more than 2 dishes'));
        it('stores the two dishes as aggregate versions 0 and 1', async () => {
            const events = await eventsOfKitchen(developmentTenant, kitchen);
            expect(events.map((event) => event.content)).toEqual([
                { Dish: 'Bean Blaster Taco', Chef: 'Mr. Taco' },
                { Dish: 'Avocado Artillery Tortilla', Chef: 'Mr. Taco' },
            ]);
        });
    });

    describe('and two tenants prepare dishes in kitchens with the same id', () => {
        const kitchen = randomUUID();
        beforeAll(async () => {
            await prepareDish(developmentTenant, kitchen, 'Bean Blaster Taco');
            await prepareDish(developmentTenant, kitchen, 'Avocado Artillery Tortilla');
        });

        it('returns none of the first tenant\'s events to the second', async () => {
            expect(await eventsOfKitchen(secondTenant, kitchen)).toEqual([]);
        });
        it('lets the second tenant prepare its own two dishes and no more', async () => {
            await prepareDish(secondTenant, kitchen, 'Nacho Nuke');
            await prepareDish(secondTenant, kitchen, 'Quesadilla Quake');
            await expect(prepareDish(secondTenant, kitchen, 'Burrito Bomb')).rejects.toThrow('Cannot prepare more than 2 dishes');
            expect((await eventsOfKitchen(secondTenant, kitchen)).map((event) => event.content.Dish)).toEqual(['Nacho Nuke', 'Quesadilla Quake']);
        });
        it('keeps the first tenant\'s kitchen as it was', async () => {
            expect((await eventsOfKitchen(developmentTenant, kitchen)).map((event) => event.content.Dish)).toEqual([
                'Bean Blaster Taco',
                'Avocado Artillery Tortilla',
            ]);
        });
        it('numbers each tenant\'s event log on its own', async () => {
            const result = await eventStoreFor(secondTenant).commit(new DishPrepared('Taco Tornado', 'Mr. Taco'), randomUUID());
            expect(result.events.toArray()[0]?.eventLogSequenceNumber.value).toBe(2);
            expect(result.events.toArray()[0]?.executionContext.tenantId.toString()).toBe(secondTenant);
        });
    });

    describe('and a commit for an aggregate expects a version the aggregate is not at', () => {
        it('fails with an aggregate root concurrency conflict and stores nothing', async () => {
            const kitchen = randomUUID();
            const result = await eventStoreFor(developmentTenant).commitForAggregate(
                new DishPrepared('Bean Blaster Taco', 'Mr. Taco'),
                kitchen,
                AggregateRootId.from(tutorialIds.kitchen),
                AggregateRootVersion.from(3),
                tutorialIds.dishPrepared,
            );
            expect(result.failure?.id.toString()).toBe(concurrencyConflictFailureId);
            expect(await eventsOfKitchen(developmentTenant, kitchen)).toEqual([]);
        });
    });

    describe('and the content of an event is not a JSON object', () => {
        it('fails with the documented other failure', async () => {
            const result = await eventStoreFor(developmentTenant).commit('just text', randomUUID(), tutorialIds.dishPrepared);
            expect(result.failed).toBe(true);
            expect(result.failure?.id.toString()).toBe(otherFailureId);
        });
    });

    describe('and a commit is for a tenant the Runtime is not configured with', () => {
        let result: CommitEventsResult;
        beforeAll(async () => {
            result = await eventStoreFor(unknownTenant).commit(new DishPrepared('Ghost Pepper Taco', 'Nobody'), randomUUID());
        });

        it('fails with a reason that names the tenant', () => {
            expect(result.failed).toBe(true);
            expect(result.failure?.reason.toString()).toContain(unknownTenant);
        });
        it('stays alive', async () => expect(await runtime?.liveness()).toBe(200));
        it('still commits for the configured tenants', async () => {
            const next = await eventStoreFor(developmentTenant).commit(new DishPrepared('Bean Blaster Taco', 'Mr. Taco'), randomUUID());
            expect(next.failed).toBe(false);
        });
    });
});
