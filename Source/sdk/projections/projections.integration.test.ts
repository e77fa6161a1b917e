import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../../runtime/host/given/backendsForTests.js';
import { developmentTenant } from '../../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../runtime/host/given/startRuntime.js';
import { waitUntil } from '../../runtime/host/given/waitUntil.js';
import { describeForEachBackend } from '../../runtime/storage/postgres/given/describeForEachBackend.js';
import { on } from '../aggregates/aggregateRootDecorators.js';
import { eventType } from '../artifacts/eventTypeDecorator.js';
import type { Client } from '../Client.js';
import { connectOurClient, type RecordedLines } from '../given/connectOurClient.js';
import type { RegistrationOutcome } from '../reverseCalls/RegistrationOutcome.js';
import { projection } from './projectionDecorator.js';
import type { ProjectionContext } from './ProjectionContext.js';
import { ProjectionResult } from './ProjectionResult.js';
import { CurrentStateType } from './store/CurrentState.js';

const backends = await backendsForTests(import.meta.url);
const otherTenant = '5d2b8c1e-6f3a-4e7b-9c0d-1e2f3a4b5c6d';

@eventType('1f3e5d7c-2a4b-4c6d-8e0f-1a2b3c4d5e6f')
class Ordered {
    constructor(readonly customer: string, readonly table: number, readonly amount: number) {}
}

@eventType('2a4f6e8d-3b5c-4d7e-9f1a-2b3c4d5e6f70')
class Cancelled {
    constructor(readonly customer: string) {}
}

/** A class-based projection keyed by a string property: its @on methods change `this`. */
@projection('3b5a7f9e-4c6d-4e8f-8a2b-3c4d5e6f7a81')
class CustomerTally {
    customer = '';
    count = 0;
    total = 0;
    createdFromInitialState = 0;

    @on(Ordered, (_) => _.keyFromProperty('customer'))
    ordered(event: Ordered, context: ProjectionContext): void {
        this.customer = event.customer;
        this.count += 1;
        this.total += event.amount;
        this.createdFromInitialState += context.wasCreatedFromInitialState ? 1 : 0;
    }

    @on(Cancelled, (_) => _.keyFromProperty('customer'))
    cancelled(): typeof ProjectionResult.delete {
        return ProjectionResult.delete;
    }

    describe(): string {
        return `${this.customer}: ${this.count} orders, ${this.total}`;
    }
}

type Tally = { count: number; total: number };
const tally = (readModel: Tally, event: Ordered): Tally => ({ count: readModel.count + 1, total: readModel.total + event.amount });
const byKey = (states: Map<{ readonly value: string }, { readonly state: unknown }>): Record<string, Tally | undefined> => Object.fromEntries([...states].map(([key, state]) => [key.value, state.state as Tally]));

describeForEachBackend(backends, 'when our SDK\'s projections run on a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let client: Client;
    const recorded: RecordedLines = { lines: [] };
    const projections = { byEventSource: randomUUID(), byTable: randomUUID(), byPartition: randomUUID() };
    const sources = [randomUUID(), randomUUID()] as const;
    printLogsOnFailure(() => runtime);

    const allOf = (projectionId: string, tenant = developmentTenant) => client.projections.forTenant(tenant).getAll(projectionId).then(byKey);

    beforeAll(async () => {
        runtime = await startRuntime({ backend, tenants: [developmentTenant, otherTenant] });
        client = connectOurClient(runtime, (builder) => builder.withProjections((builder) => {
            builder.register(CustomerTally);
            builder.createProjection(projections.byEventSource).forReadModel({ count: 0, total: 0 })
                .on<Ordered>(Ordered, (_) => _.keyFromEventSource(), tally)
                .on(Cancelled, (_) => _.keyFromEventSource(), () => ProjectionResult.delete);
            builder.createProjection(projections.byTable).forReadModel({ count: 0, total: 0 })
                .on<Ordered>(Ordered, (_) => _.keyFromProperty('table'), tally);
            builder.createProjection(projections.byPartition).forReadModel({ count: 0, total: 0 })
                .on<Ordered>(Ordered, (_) => _.keyFromPartitionId(), tally);
        }), recorded);
        await client.registered;
        const store = client.eventStore.forTenant(developmentTenant);
        await store.commit(new Ordered('Ada', 1, 10), sources[0]);
        await store.commit(new Ordered('Ada', 2, 20), sources[0]);
        await store.commit(new Ordered('Grace', 2, 5), sources[1]);
        await store.commit(new Ordered('Linus', 3, 7), sources[1]);
        await store.commit(new Cancelled('Linus'), sources[1]);
        await client.eventStore.forTenant(otherTenant).commit(new Ordered('Barbara', 9, 1), sources[0]);
        await waitUntil(async () => Object.keys(await allOf(projections.byPartition)).length === 1 && (await allOf(projections.byPartition))['00000000-0000-0000-0000-000000000000']?.count === 4, 'the partition projection projected the four orders');
        await waitUntil(async () => Object.keys(await allOf(projections.byEventSource)).length === 1 && (await client.projections.forTenant(developmentTenant).getAll(CustomerTally)).size === 2, 'the deletes were projected');
        await waitUntil(async () => (await allOf(projections.byTable))['3']?.count === 1 && Object.keys(await allOf(projections.byEventSource, otherTenant)).length === 1, 'every order was projected');
    }, 60_000);
    afterAll(async () => {
        await client?.disconnect();
        await runtime?.dispose();
    });

    it('reports each projection\'s registration to the application', () => {
        const outcomes: RegistrationOutcome[] = [];
        client.onRegistration((outcome) => outcomes.push(outcome))();
        expect(outcomes.filter((outcome) => outcome.registered).map((outcome) => outcome.kind)).toEqual(['projection', 'projection', 'projection', 'projection']);
    });
    describe('and the key is the event source id', () => {
        it('keeps one read model per event source, and ProjectionResult.delete removes one', async () => {
            expect(await allOf(projections.byEventSource)).toEqual({ [sources[0]]: { count: 2, total: 30 } });
        });
    });
    describe('and the key is a property', () => {
        it('keeps one read model per string value, deleted by the @on method that returns ProjectionResult.delete', async () => {
            const states = await client.projections.forTenant(developmentTenant).getAll(CustomerTally);
            expect([...states.values()].map((state) => [state.key.value, state.type, state.state.describe()])).toEqual([
                ['Ada', CurrentStateType.Persisted, 'Ada: 2 orders, 30'],
                ['Grace', CurrentStateType.Persisted, 'Grace: 1 orders, 5'],
            ]);
        });
        it('tells the @on method when the read model was created from the initial state', async () => {
            const ada = await client.projections.forTenant(developmentTenant).get(CustomerTally, 'Ada');
            expect(ada.state.createdFromInitialState).toBe(1);
        });
        it('keys by a number property as its text', async () => {
            expect(await allOf(projections.byTable)).toEqual({ 1: { count: 1, total: 10 }, 2: { count: 2, total: 25 }, 3: { count: 1, total: 7 } });
        });
    });
    describe('and the key is the partition id', () => {
        it('keeps one read model under the empty partition of the event log', async () => {
            expect(await allOf(projections.byPartition)).toEqual({ '00000000-0000-0000-0000-000000000000': { count: 4, total: 42 } });
        });
    });
    describe('and the store is asked for one read model', () => {
        it('answers a stored one by class, as an object of the class', async () => {
            const grace = await client.projections.forTenant(developmentTenant).get(CustomerTally, 'Grace');
            expect([grace.type, grace.key.value, grace.state instanceof CustomerTally, grace.state.total]).toEqual([CurrentStateType.Persisted, 'Grace', true, 5]);
        });
        it('answers the initial state for a key never projected, by projection id', async () => {
            const nobody = await client.projections.forTenant(developmentTenant).get('Nobody', projections.byTable);
            expect([nobody.type, nobody.state]).toEqual([CurrentStateType.CreatedFromInitialState, { count: 0, total: 0 }]);
        });
        it('answers the initial state for a deleted read model', async () => {
            const linus = await client.projections.forTenant(developmentTenant).get(CustomerTally, 'Linus');
            expect([linus.type, linus.state.count]).toEqual([CurrentStateType.CreatedFromInitialState, 0]);
        });
    });
    describe('and two tenants have events', () => {
        it('keeps each tenant\'s read models apart', async () => {
            expect(await allOf(projections.byEventSource, otherTenant)).toEqual({ [sources[0]]: { count: 1, total: 1 } });
        });
    });
});
