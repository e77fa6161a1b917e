import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../../runtime/host/given/backendsForTests.js';
import { developmentTenant } from '../../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../runtime/host/given/startRuntime.js';
import { waitUntil } from '../../runtime/host/given/waitUntil.js';
import { describeForEachBackend } from '../../runtime/storage/postgres/given/describeForEachBackend.js';
import type { Client } from '../Client.js';
import { RuntimeCallFailed } from '../connection/RuntimeConnection.js';
import { connectOurClient, type RecordedLines } from '../given/connectOurClient.js';
import type { RegistrationOutcome } from '../reverseCalls/RegistrationOutcome.js';

const backends = await backendsForTests(import.meta.url);
const eventsPerRun = 60;
const counters = ['a', 'b', 'c'] as const;

type Counted = { readonly counter: string; readonly number: number };
type Counter = { readonly numbers: ReadonlyArray<number> };

/** What the read models must end as: each counter's numbers, once each, in the order committed. */
const expectedCounters = (total: number) => Object.fromEntries(counters.map((counter, index) => [counter, { numbers: Array.from({ length: total }, (_, number) => number).filter((number) => number % counters.length === index) }]));

describeForEachBackend(backends, 'when the Runtime on the $kind store is killed under a head with a projection', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let head: Client;
    const recorded: RecordedLines = { lines: [] };
    const eventType = randomUUID();
    const projectionId = randomUUID();
    const outcomes: RegistrationOutcome[] = [];
    printLogsOnFailure(() => runtime);

    const readModels = async (): Promise<Record<string, Counter>> => Object.fromEntries([...await head.projections.forTenant(developmentTenant).getAll(projectionId)].map(([key, state]) => [key.value, state.state as Counter]));
    const commit = (number: number) => head.eventStore.forTenant(developmentTenant).commit({ content: { counter: counters[number % counters.length]!, number } satisfies Counted, eventSourceId: randomUUID(), eventType });

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        head = connectOurClient(runtime, (builder) => builder.withProjections((projections) => projections.createProjection(projectionId).forReadModel<Counter>({ numbers: [] })
            .on<Counted>(eventType, (_) => _.keyFromProperty('counter'), (counter, event) => ({ numbers: [...counter.numbers, event.number] }))), recorded);
        head.onRegistration((outcome) => outcomes.push(outcome));
        await head.registered;
        for (let number = 0; number < eventsPerRun; number++) {
            await commit(number);
        }
        // Kill it while the projection is under way (or just done): some read models are written, the rest not yet.
        await waitUntil(async () => Object.values(await readModels()).some((counter) => counter.numbers.length > 0), 'the projection wrote a read model');
        await runtime.kill('SIGKILL');
        await runtime.restart();
        // The first commit after the restart may meet a channel that is still reconnecting: it is answered unavailable, and not stored.
        await waitUntil(async () => {
            try {
                await commit(eventsPerRun);
                return true;
            } catch (error) {
                if (error instanceof RuntimeCallFailed) {
                    return false;
                }
                throw error;
            }
        }, 'a commit went through after the restart', 30_000);
        for (let number = eventsPerRun + 1; number < 2 * eventsPerRun; number++) {
            await commit(number);
        }
        const expected = expectedCounters(2 * eventsPerRun);
        await waitUntil(async () => JSON.stringify(await readModels().catch(() => ({}))) === JSON.stringify(expected), 'the read models reached every event', 60_000);
    }, 120_000);
    afterAll(async () => {
        await head?.disconnect();
        await runtime?.dispose();
    });

    it('registers the projection again by itself', () => expect(outcomes.filter((outcome) => outcome.registered && outcome.kind === 'projection').length).toBeGreaterThanOrEqual(2));
    it('logs why it connected again', () => expect(recorded.lines.some((line) => line.includes('connecting again') && line.includes('reason'))).toBe(true));
    it('ends with exact read models: every event applied once, none missed, in order', async () => {
        expect(await readModels()).toEqual(expectedCounters(2 * eventsPerRun));
    });
});
