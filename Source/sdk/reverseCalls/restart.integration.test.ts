import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../../runtime/host/given/backendsForTests.js';
import { developmentTenant } from '../../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../runtime/host/given/startRuntime.js';
import { waitUntil } from '../../runtime/host/given/waitUntil.js';
import { eventsHandedAgainAtMost } from '../../runtime/streamProcessors/eventsHandedAgainAtMost.js';
import { describeForEachBackend } from '../../runtime/storage/postgres/given/describeForEachBackend.js';
import type { Client } from '../Client.js';
import { RuntimeCallFailed } from '../connection/RuntimeConnection.js';
import { connectOurClient, type RecordedLines } from '../given/connectOurClient.js';
import type { RegistrationOutcome } from './RegistrationOutcome.js';

const backends = await backendsForTests(import.meta.url);
const eventsPerRun = 40;

describeForEachBackend(backends, 'when the Runtime on the $kind store is killed and restarted under a connected head', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let head: Client;
    const recorded: RecordedLines = { lines: [] };
    const eventType = randomUUID();
    const deliveries: number[] = [];
    const outcomes: RegistrationOutcome[] = [];
    printLogsOnFailure(() => runtime);

    const commitMany = async (from: number) => {
        for (let number = from; number < from + eventsPerRun; number++) {
            await head.eventStore.forTenant(developmentTenant).commit({ content: { number }, eventSourceId: randomUUID(), eventType });
        }
    };

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        head = connectOurClient(runtime, (builder) => builder.withEventHandlers((handlers) => handlers.createEventHandler(randomUUID(), (handler) => handler.unpartitioned().handle(eventType, (_event, context) => {
            deliveries.push(context.sequenceNumber);
        }))), recorded);
        head.onRegistration((outcome) => outcomes.push(outcome));
        await head.registered;
        await commitMany(0);
        await waitUntil(() => new Set(deliveries).size === eventsPerRun, 'the handler handled the first events', 30_000);
        await runtime.kill('SIGKILL');
        await runtime.restart();
        // The channel reconnects by itself; a call made before it has is answered unavailable, and was not stored.
        await waitUntil(async () => {
            try {
                await head.eventStore.forTenant(developmentTenant).commit({ content: { number: eventsPerRun }, eventSourceId: randomUUID(), eventType });
                return true;
            } catch (error) {
                if (error instanceof RuntimeCallFailed) {
                    return false;
                }
                throw error;
            }
        }, 'a commit went through after the restart', 30_000);
        await commitMany(eventsPerRun + 1);
        await waitUntil(() => new Set(deliveries).size === 2 * eventsPerRun + 1, 'the handler handled every event after the restart', 60_000);
    }, 120_000);
    afterAll(async () => {
        await head?.disconnect();
        await runtime?.dispose();
    });

    it('registers the handler again by itself', () => expect(outcomes.filter((outcome) => outcome.registered).length).toBeGreaterThanOrEqual(2));
    it('logs why it connected again', () => expect(recorded.lines.some((line) => line.includes('connecting again') && line.includes('reason'))).toBe(true));
    it('loses no event', () => expect([...new Set(deliveries)].sort((a, b) => a - b)).toEqual(Array.from({ length: 2 * eventsPerRun + 1 }, (_, index) => index)));
    it('hands over no event out of order (events handled before the kill whose position was not yet written may come again, right after)', () => {
        const firstDeliveries = deliveries.filter((sequenceNumber, index) => deliveries.indexOf(sequenceNumber) === index);
        expect(firstDeliveries).toEqual([...firstDeliveries].sort((a, b) => a - b));
        const repeats = deliveries.filter((sequenceNumber, index) => deliveries.indexOf(sequenceNumber) !== index);
        expect(repeats.length).toBeLessThanOrEqual(eventsHandedAgainAtMost);
    });
});
