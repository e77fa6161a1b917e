import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../../runtime/host/given/backendsForTests.js';
import { developmentTenant } from '../../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../runtime/host/given/startRuntime.js';
import { waitUntil } from '../../runtime/host/given/waitUntil.js';
import { describeForEachBackend } from '../../runtime/storage/postgres/given/describeForEachBackend.js';
import { eventType } from '../artifacts/eventTypeDecorator.js';
import type { Client } from '../Client.js';
import type { EventContext } from '../eventStore/EventContext.js';
import { connectOurClient, type RecordedLines } from '../given/connectOurClient.js';
import type { RegistrationOutcome } from '../reverseCalls/RegistrationOutcome.js';
import { eventHandler, handles } from './eventHandler.js';

const backends = await backendsForTests(import.meta.url);
const otherTenant = '0c4a7c0e-3b1f-4f7e-9d5e-2a6b8c9d0e1f';

@eventType('9a3c1e5f-1b2d-4c6e-8f0a-1b2c3d4e5f60')
class Numbered {
    constructor(readonly number: number, readonly failOnce = false) {}
}

type Handled = { readonly number: number; readonly eventSourceId: string; readonly tenant: string; readonly sequenceNumber: number };

describeForEachBackend(backends, 'when our SDK\'s event handlers run on a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let client: Client;
    const recorded: RecordedLines = { lines: [] };
    const partitionedCalls: Handled[] = [];
    const partitionedHandled: Handled[] = [];
    const unpartitionedHandled: Handled[] = [];
    const outcomes: RegistrationOutcome[] = [];
    const failedOnce = new Set<number>();
    const instancesOfTheClass: boolean[] = [];
    const [slow, fast] = [randomUUID(), randomUUID()];
    printLogsOnFailure(() => runtime);

    @eventHandler('3e5a7c9b-2d4f-4a6c-8e0b-1c3d5e7f9a2b')
    class PartitionedHandler {
        @handles(Numbered)
        numbered(event: Numbered, context: EventContext): void {
            const handled = { number: event.number, eventSourceId: context.eventSourceId.value, tenant: context.executionContext.tenantId.value, sequenceNumber: context.sequenceNumber };
            partitionedCalls.push(handled);
            instancesOfTheClass.push(event instanceof Numbered);
            if (event.failOnce && !failedOnce.has(event.number)) {
                failedOnce.add(event.number);
                throw new Error(`number ${event.number} fails once`);
            }
            partitionedHandled.push(handled);
        }
    }

    @eventHandler('4f6b8d0c-3e5a-4b7d-9f1c-2d4e6f8a0b3c', { partitioned: false })
    class UnpartitionedHandler {
        @handles(Numbered)
        numbered(event: Numbered, context: EventContext): void {
            unpartitionedHandled.push({ number: event.number, eventSourceId: context.eventSourceId.value, tenant: context.executionContext.tenantId.value, sequenceNumber: context.sequenceNumber });
        }
    }

    beforeAll(async () => {
        runtime = await startRuntime({ backend, tenants: [developmentTenant, otherTenant] });
        client = connectOurClient(runtime, (builder) => builder.withEventHandlers((handlers) => handlers.register(PartitionedHandler).register(UnpartitionedHandler)), recorded);
        client.onRegistration((outcome) => outcomes.push(outcome));
        await client.registered;
        const store = client.eventStore.forTenant(developmentTenant);
        // The slow partition's first event fails once: the Runtime retries it after the SDK's retry timeout (5 s)
        // while the fast partition goes on.
        await store.commit(new Numbered(1, true), slow);
        for (let number = 2; number <= 6; number++) {
            await store.commit(new Numbered(number), number % 2 === 0 ? fast : slow);
        }
        await client.eventStore.forTenant(otherTenant).commit(new Numbered(100), fast);
        await waitUntil(() => partitionedHandled.length === 7 && unpartitionedHandled.length === 7, 'both handlers handled every event', 40_000);
    }, 60_000);
    afterAll(async () => {
        await client?.disconnect();
        await runtime?.dispose();
    });

    it('reports each registration to the application', () => expect(outcomes.filter((outcome) => outcome.registered).map((outcome) => outcome.kind)).toEqual(['event handler', 'event handler']));
    it('hands the partitioned handler each event source\'s events in order', () => {
        const numbersOf = (source: string) => partitionedHandled.filter((handled) => handled.eventSourceId === source && handled.tenant === developmentTenant).map((handled) => handled.number);
        expect([numbersOf(slow), numbersOf(fast)]).toEqual([[1, 3, 5], [2, 4, 6]]);
    });
    it('goes on with the other partition while one partition\'s event waits for its retry', () => {
        const firstSuccessOfOne = partitionedCalls.findIndex((call, index) => call.number === 1 && index > partitionedCalls.findIndex((first) => first.number === 1));
        const fastHandledBefore = partitionedCalls.slice(0, firstSuccessOfOne).filter((call) => call.eventSourceId === fast).length;
        expect(fastHandledBefore).toBeGreaterThan(0);
    });
    it('tells the Runtime why the event failed, so that it retries it', () => expect(recorded.lines.some((line) => line.includes('number 1 fails once') && line.includes('retryInSeconds'))).toBe(true));
    it('hands the unpartitioned handler every event of the development tenant in the log\'s order', () => {
        const development = unpartitionedHandled.filter((handled) => handled.tenant === developmentTenant);
        expect(development.map((handled) => handled.number)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(development.map((handled) => handled.sequenceNumber)).toEqual([0, 1, 2, 3, 4, 5]);
    });
    it('handles the events of every tenant, with the tenant in the context', () => expect(unpartitionedHandled.filter((handled) => handled.tenant === otherTenant).map((handled) => handled.number)).toEqual([100]));
    it('gives the handler an object of the event type\'s class', () => expect(instancesOfTheClass.every((isInstance) => isInstance)).toBe(true));
});
