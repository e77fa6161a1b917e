import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../../runtime/host/given/backendsForTests.js';
import { developmentTenant } from '../../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../runtime/host/given/startRuntime.js';
import { describeForEachBackend } from '../../runtime/storage/postgres/given/describeForEachBackend.js';
import { AggregateRoot } from '../aggregates/AggregateRoot.js';
import { aggregateRoot, on } from '../aggregates/aggregateRootDecorators.js';
import { AggregateRootConcurrencyConflict } from '../aggregates/AggregateRootOperations.js';
import { eventType } from '../artifacts/eventTypeDecorator.js';
import type { Client } from '../Client.js';
import { TenantId } from '../execution/TenantId.js';
import { connectOurClient } from '../given/connectOurClient.js';
import type { EventSourceId } from './EventSourceId.js';

const backends = await backendsForTests(import.meta.url);
const otherTenant = '6f1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

@eventType('0f8b2f4e-2c55-4ac4-9a3e-9e1c7d6a1b01')
class ItemAdded {
    constructor(readonly item: string) {}
}

@aggregateRoot('5b1e0c1d-7a2f-4e0b-9b8c-3d2e1f0a9c11')
class Basket extends AggregateRoot {
    items: string[] = [];

    constructor(eventSourceId: EventSourceId) {
        super(eventSourceId);
    }

    add(item: string): void {
        this.apply(new ItemAdded(item));
    }

    @on(ItemAdded)
    onItemAdded(event: ItemAdded): void {
        this.items.push(event.item);
    }
}

describeForEachBackend(backends, 'when our SDK commits to a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let client: Client;
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend, tenants: [developmentTenant, otherTenant] });
        client = connectOurClient(runtime, (builder) => builder.withEventTypes((eventTypes) => eventTypes.register(ItemAdded)));
    });
    afterAll(async () => {
        await client?.disconnect();
        await runtime?.dispose();
    });

    describe('and committing events', () => {
        it('answers with the committed events, numbered from the log\'s end', async () => {
            const eventSource = randomUUID();
            const first = await client.eventStore.forTenant(TenantId.development).commit(new ItemAdded('apple'), eventSource);
            const second = await client.eventStore.forTenant(TenantId.development).commit([
                { content: new ItemAdded('pear'), eventSourceId: eventSource },
                { content: { item: 'plum' }, eventSourceId: eventSource, eventType: ItemAdded },
            ]);
            expect([first.failed, second.failed]).toEqual([false, false]);
            expect(second.events.map((event) => event.eventLogSequenceNumber)).toEqual([first.events[0]!.eventLogSequenceNumber + 1, first.events[0]!.eventLogSequenceNumber + 2]);
            expect(second.events.map((event) => (event.content as ItemAdded).item)).toEqual(['pear', 'plum']);
        });
        it('gives each of many commits made at once its own events, together and in order (commits share Commit calls)', async () => {
            const store = client.eventStore.forTenant(TenantId.development);
            const results = await Promise.all(Array.from({ length: 40 }, (_, index) => store.commit([
                { content: new ItemAdded(`first of ${index}`), eventSourceId: randomUUID() },
                { content: new ItemAdded(`second of ${index}`), eventSourceId: randomUUID() },
            ])));
            expect(results.map((result) => result.events.map((event) => (event.content as ItemAdded).item))).toEqual(Array.from({ length: 40 }, (_, index) => [`first of ${index}`, `second of ${index}`]));
            expect(results.every((result) => result.events[1]!.eventLogSequenceNumber === result.events[0]!.eventLogSequenceNumber + 1)).toBe(true);
            expect(new Set(results.flatMap((result) => result.events.map((event) => event.eventLogSequenceNumber))).size).toBe(80);
        });
        it('commits public events as public', async () => {
            const result = await client.eventStore.forTenant(TenantId.development).commitPublic(new ItemAdded('public'), randomUUID());
            expect(result.events[0]?.isPublic).toBe(true);
        });
        it('keeps each tenant\'s event log apart', async () => {
            const before = await client.eventStore.forTenant(otherTenant).commit(new ItemAdded('elsewhere'), randomUUID());
            expect(before.events[0]?.eventLogSequenceNumber).toBe(0);
            expect(before.events[0]?.executionContext.tenantId.value).toBe(otherTenant);
        });
        it('refuses an event of a class without an event type, naming the class and the fix', async () => {
            class Unregistered {}
            await expect(client.eventStore.forTenant(TenantId.development).commit(new Unregistered(), randomUUID())).rejects.toThrow(/Class Unregistered has no event type: decorate its class with @eventType/);
        });
    });

    describe('and performing actions on an aggregate', () => {
        const kitchen = randomUUID();
        let rebuilt: string[] = [];
        beforeAll(async () => {
            const basket = () => client.aggregateOf(Basket, kitchen, (eventStore) => eventStore.forTenant(TenantId.development));
            await basket().perform((aggregate) => aggregate.add('apple'));
            await basket().perform((aggregate) => aggregate.add('pear'));
            await basket().perform((aggregate) => {
                rebuilt = [...aggregate.items];
            });
        });

        it('rebuilds the aggregate from its committed events through its @on methods', () => expect(rebuilt).toEqual(['apple', 'pear']));
        it('fetches the aggregate\'s events with their versions', async () => {
            const events = await client.eventStore.forTenant(TenantId.development).fetchForAggregate('5b1e0c1d-7a2f-4e0b-9b8c-3d2e1f0a9c11', kitchen);
            expect(events.aggregateRootVersion).toBe(2);
            expect(events.toArray().map((event) => [event.aggregateRootVersion, (event.content as ItemAdded).item])).toEqual([[1, 'apple'], [2, 'pear']]);
        });
        it('keeps the aggregates of other tenants apart', async () => {
            const events = await client.eventStore.forTenant(otherTenant).fetchForAggregate('5b1e0c1d-7a2f-4e0b-9b8c-3d2e1f0a9c11', kitchen);
            expect(events.length).toBe(0);
        });
        it('rejects an action whose aggregate got an event meanwhile with a concurrency conflict', async () => {
            const operations = client.aggregateOf(Basket, kitchen, (eventStore) => eventStore.forTenant(TenantId.development));
            const racing = operations.perform(async (aggregate) => {
                // Another head commits for the same aggregate while this action runs.
                await client.eventStore.forTenant(TenantId.development).commitForAggregate(new ItemAdded('plum'), kitchen, '5b1e0c1d-7a2f-4e0b-9b8c-3d2e1f0a9c11', 2);
                aggregate.add('cherry');
            });
            await expect(racing).rejects.toBeInstanceOf(AggregateRootConcurrencyConflict);
            const events = await client.eventStore.forTenant(TenantId.development).fetchForAggregate('5b1e0c1d-7a2f-4e0b-9b8c-3d2e1f0a9c11', kitchen);
            expect(events.toArray().map((event) => (event.content as ItemAdded).item)).toEqual(['apple', 'pear', 'plum']);
        });
        it('names the class and the fix when a class lacks @aggregateRoot', () => {
            class Undecorated extends AggregateRoot {}
            expect(() => client.aggregateOf(Undecorated, randomUUID(), (eventStore) => eventStore.forTenant(TenantId.development))).toThrow(/Class Undecorated is used as an aggregate root but has no @aggregateRoot decorator/);
        });
    });
});
