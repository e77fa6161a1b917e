import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { CommittedEvent } from '@dolittle/sdk.events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { HandledEvents } from '../host/given/HandledEvents.js';
import type { HeadUnderTest } from '../host/given/HeadUnderTest.js';
import { DishPrepared } from '../host/given/kitchen/DishPrepared.js';
import { tutorialIds } from '../host/given/kitchen/tutorialIds.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startHead } from '../host/given/startHead.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = await backendsForTests(import.meta.url);
const secondTenant = 'c3d2e1f0-7a6b-4c5d-8e9f-a0b1c2d3e4f5';
const eventHandlerHead = fileURLToPath(new URL('../host/given/heads/eventHandlerHead.ts', import.meta.url));
const failedToRegisterEventHandler = 'dbfdfa15-e727-49f6-bed8-7a787954a4c6';

describeForEachBackend(backends, 'when SDK event handlers process events of a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let committer: ConnectedClient;
    const clients: ConnectedClient[] = [];
    const heads: HeadUnderTest[] = [];
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend, tenants: [developmentTenant, secondTenant] });
        committer = connectClient(runtime, (builder) => builder.withEventTypes((eventTypes) => {
            eventTypes.associate(DishPrepared, tutorialIds.dishPrepared);
        }));
    });
    afterEach(async () => {
        clients.splice(0).forEach((client) => client.disconnect());
        await Promise.all(heads.splice(0).map((head) => head.kill()));
    });
    afterAll(async () => {
        committer?.disconnect();
        await runtime?.dispose();
    });

    const handlerClient = (eventHandlerId: string, eventTypeIds: ReadonlyArray<string>, handled: HandledEvents, partitioned = true) => {
        const client = connectClient(runtime!, (builder) => builder
            .withEventTypes((eventTypes) => eventTypes.associate(DishPrepared, tutorialIds.dishPrepared))
            .withEventHandlers((eventHandlers) => eventHandlers.createEventHandler(eventHandlerId, (eventHandler) => {
                const methods = partitioned ? eventHandler.partitioned() : eventHandler.unpartitioned();
                eventTypeIds.forEach((eventTypeId) => methods.handle(eventTypeId, handled.handler()));
            })));
        clients.push(client);
        return client;
    };
    const commit = (tenant: string, eventTypeId: string, events: ReadonlyArray<{ content: Record<string, unknown>; eventSourceId: string }>) =>
        commitEvents(committer.client.eventStore.forTenant(tenant), eventTypeId, events);

    describe('and the getting-started DishHandler is registered before the taco is committed', () => {
        const handled = new HandledEvents();
        let taco: CommittedEvent | undefined;
        beforeAll(async () => {
            handlerClient(tutorialIds.dishHandler, [tutorialIds.dishPrepared], handled);
            const eventStore = committer.client.eventStore.forTenant(developmentTenant);
            taco = (await eventStore.commit(new DishPrepared('Bean Blaster Taco', 'Mr. Taco'), tutorialIds.eventSource)).events.toArray()[0];
            await eventStore.commit(new DishPrepared('Sentinel Salsa', 'Mr. Taco'), tutorialIds.eventSource);
            await handled.waitFor((call) => call.content['Dish'] === 'Sentinel Salsa', 'the DishHandler handled the event after the taco');
        });

        it('handles the taco exactly once', () => {
            expect(handled.calls.filter((call) => call.content['Dish'] === 'Bean Blaster Taco')).toHaveLength(1);
        });
        it('hands over the content', () => {
            expect(handled.calls[0]?.content).toEqual({ Dish: 'Bean Blaster Taco', Chef: 'Mr. Taco' });
        });
        it('hands over the context of the committed event', () => {
            expect(handled.calls[0]).toMatchObject({
                sequenceNumber: taco?.eventLogSequenceNumber.value,
                eventSourceId: tutorialIds.eventSource,
                tenant: developmentTenant,
                occurred: taco?.occurred.toJSDate(),
            });
        });
    });

    describe('and 1,000 events are committed in batches around the registration of a fresh handler', () => {
        const handled = new HandledEvents();
        const eventTypeId = randomUUID();
        const eventSources = Array.from({ length: 10 }, () => randomUUID());
        const batch = (batchNumber: number) => Array.from({ length: 100 }, (_, index) => ({
            content: { index: batchNumber * 100 + index },
            eventSourceId: eventSources[index % eventSources.length]!,
        }));
        beforeAll(async () => {
            for (let batchNumber = 0; batchNumber < 5; batchNumber++) {
                await commit(developmentTenant, eventTypeId, batch(batchNumber));
            }
            handlerClient(randomUUID(), [eventTypeId], handled);
            for (let batchNumber = 5; batchNumber < 10; batchNumber++) {
                await commit(developmentTenant, eventTypeId, batch(batchNumber));
            }
            await waitUntil(() => handled.calls.length >= 1_000, 'the handler handled 1,000 events', 60_000);
        });

        it('handles every event exactly once', () => {
            expect(handled.calls.map((call) => call.content['index'])).toEqual(Array.from({ length: 1_000 }, (_, index) => index));
        });
        it('handles them in the order of the event log', () => {
            const sequenceNumbers = handled.calls.map((call) => call.sequenceNumber);
            expect(sequenceNumbers).toEqual([...sequenceNumbers].sort((left, right) => left - right));
        });
    });

    describe('and both tenants commit events of the type a handler handles', () => {
        const handled = new HandledEvents();
        const eventTypeId = randomUUID();
        beforeAll(async () => {
            handlerClient(randomUUID(), [eventTypeId], handled);
            for (const tenant of [developmentTenant, secondTenant]) {
                await commit(tenant, eventTypeId, [{ content: { committedFor: tenant }, eventSourceId: randomUUID() }]);
                await commit(tenant, eventTypeId, [{ content: { committedFor: tenant, last: true }, eventSourceId: randomUUID() }]);
            }
            await waitUntil(() => handled.calls.filter((call) => call.content['last'] === true).length === 2, 'the last event of both tenants is handled');
        });

        it('hands each event to the tenant it was committed for', () => {
            expect(handled.calls.every((call) => call.content['committedFor'] === call.tenant)).toBe(true);
        });
        it('hands each tenant only its own two events', () => {
            expect(handled.calls.filter((call) => call.tenant === developmentTenant)).toHaveLength(2);
            expect(handled.calls.filter((call) => call.tenant === secondTenant)).toHaveLength(2);
        });
    });

    describe('and the head of a handler is killed with an event in flight, events are committed, and a new head starts', () => {
        const eventHandlerId = randomUUID();
        const eventTypeId = randomUUID();
        const eventSourceId = randomUUID();
        let second: HeadUnderTest;
        const commitNumbers = (numbers: ReadonlyArray<number>) =>
            commit(developmentTenant, eventTypeId, numbers.map((n) => ({ content: { n }, eventSourceId })));
        const startHandlerHead = (hangOn?: number) => {
            const head = startHead(eventHandlerHead, [JSON.stringify({ port: runtime!.privatePort, eventHandlerId, eventTypeId, partitioned: true, hangOn })]);
            heads.push(head);
            return head;
        };
        beforeAll(async () => {
            const first = startHandlerHead(4);
            await commitNumbers([1, 2, 3, 4]);
            await first.waitForMessage((message) => (message['content'] as { n?: number } | undefined)?.n === 4, 'event 4 reached the first head');
            await first.kill('SIGKILL');
            await commitNumbers([5, 6, 7]);
            second = startHandlerHead();
            await second.waitForMessage((message) => (message['content'] as { n?: number } | undefined)?.n === 7, 'event 7 reached the second head', 30_000);
        }, 60_000);

        it('hands the new head the unacknowledged event and the new ones, in order, and none it acknowledged before', () => {
            const numbers = second.messages().filter((message) => message['kind'] === 'handled').map((message) => (message['content'] as { n: number }).n);
            expect(numbers).toEqual([4, 5, 6, 7]);
        });
    });

    describe('and a handler is registered again without an event type it has already handled', () => {
        const eventHandlerId = randomUUID();
        const [removedType, keptType] = [randomUUID(), randomUUID()];
        const before = new HandledEvents();
        const after = new HandledEvents();
        // The refusal names the handler and the event type that was removed.
        const failureLines = () => runtime!.logs().split('\n')
            .filter((line) => line.includes(failedToRegisterEventHandler) && line.includes(eventHandlerId) && line.includes(removedType));
        beforeAll(async () => {
            const first = handlerClient(eventHandlerId, [removedType, keptType], before);
            await commit(developmentTenant, removedType, [{ content: { n: 1 }, eventSourceId: randomUUID() }]);
            await commit(developmentTenant, keptType, [{ content: { n: 2 }, eventSourceId: randomUUID() }]);
            await before.waitFor((call) => call.content['n'] === 2, 'the first registration handled both events');
            first.disconnect();
            handlerClient(eventHandlerId, [keptType], after);
            await commit(developmentTenant, keptType, [{ content: { n: 3 }, eventSourceId: randomUUID() }]);
            await waitUntil(() => failureLines().length >= 2, 'the Runtime refused the registration twice, naming the removed event type', 30_000);
        }, 60_000);

        it('refuses it with the documented failure, naming the removed event type', () => expect(failureLines().length).toBeGreaterThanOrEqual(2));
        it('hands the changed handler no events', () => expect(after.calls).toEqual([]));
    });
});
