import { randomUUID } from 'node:crypto';
import { CurrentStateType, ProjectionResult } from '@dolittle/sdk.projections';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { readModels, waitForReadModels } from './given/readModels.js';

const backends = await backendsForTests(import.meta.url);
const otherTenant = '7c1a5a7e-5b0c-4b6a-9f5e-3a2d1c0b9a88';
// The SDK asks for a retry 5 seconds after a first failure, so a retried projection takes that long to recover.
const retryDeadline = 40_000;

type Order = { readonly customer: string; readonly table: number; readonly amount: number };
type Tally = { count: number; total: number };
/** A read model class of its own for every projection: the SDK associates each class with one projection. */
const tallyClass = () => class {
    count = 0;
    total = 0;
};

describeForEachBackend(backends, 'when SDK projections run on a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let head: ConnectedClient | undefined;
    printLogsOnFailure(() => runtime);
    const ordered = randomUUID();
    const cancelled = randomUUID();
    const projections = { byEventSource: randomUUID(), byCustomer: randomUUID(), byTable: randomUUID(), byPartition: randomUUID(), failing: randomUUID() };
    const eventSources = [randomUUID(), randomUUID()] as const;
    const failingAttempts: number[] = [];
    // How many attempts at the failing event had been made when the other key's event was projected.
    const attemptsWhenOtherKeyProjected: number[] = [];

    const tally = (readModel: Tally, event: Order) => {
        readModel.count += 1;
        readModel.total += event.amount;
        return readModel;
    };

    beforeAll(async () => {
        runtime = await startRuntime({ backend, tenants: [developmentTenant, otherTenant] });
        head = connectClient(runtime, (builder) => builder.withProjections((builder) => {
            builder.createProjection(projections.byEventSource).forReadModel(tallyClass())
                .on(ordered, (key) => key.keyFromEventSource(), (readModel: Tally, event: Order) => tally(readModel, event))
                .on(cancelled, (key) => key.keyFromEventSource(), () => ProjectionResult.delete);
            builder.createProjection(projections.byCustomer).forReadModel(tallyClass())
                .on(ordered, (key) => key.keyFromProperty('customer'), (readModel: Tally, event: Order) => tally(readModel, event));
            builder.createProjection(projections.byTable).forReadModel(tallyClass())
                .on(ordered, (key) => key.keyFromProperty('table'), (readModel: Tally, event: Order) => tally(readModel, event));
            builder.createProjection(projections.byPartition).forReadModel(tallyClass())
                .on(ordered, (key) => key.keyFromPartitionId(), (readModel: Tally, event: Order) => tally(readModel, event));
            builder.createProjection(projections.failing).forReadModel(tallyClass())
                .on(ordered, (key) => key.keyFromEventSource(), (readModel: Tally, event: Order, context) => {
                    if (event.amount === 20) {
                        failingAttempts.push(Date.now());
                        if (failingAttempts.length === 1) {
                            throw new Error(`The kitchen is on fire while projecting ${context.key.value as string}`);
                        }
                    }
                    if (event.amount === 5) {
                        attemptsWhenOtherKeyProjected.push(failingAttempts.length);
                    }
                    return tally(readModel, event);
                });
        }));
        const orders: ReadonlyArray<Order & { readonly eventSourceId: string }> = [
            { eventSourceId: eventSources[0], customer: 'Ada', table: 1, amount: 10 },
            { eventSourceId: eventSources[0], customer: 'Ada', table: 2, amount: 20 },
            { eventSourceId: eventSources[1], customer: 'Grace', table: 2, amount: 5 },
        ];
        for (const order of orders) {
            const { eventSourceId, ...content } = order;
            await commitEvents(head.client.eventStore.forTenant(developmentTenant), ordered, [{ content, eventSourceId }]);
        }
        await commitEvents(head.client.eventStore.forTenant(otherTenant), ordered, [{ content: { customer: 'Linus', table: 9, amount: 1 }, eventSourceId: eventSources[0] }]);
        await commitEvents(head.client.eventStore.forTenant(developmentTenant), cancelled, [{ content: {}, eventSourceId: eventSources[1] }]);
    }, 60_000);
    afterAll(async () => {
        head?.disconnect();
        await runtime?.dispose();
    });

    describe('and the key is the event source id', () => {
        it('keeps one read model per event source, and a delete answer removes the read model', async () => {
            expect(await waitForReadModels(head!.client, developmentTenant, projections.byEventSource, { [eventSources[0]]: { count: 2, total: 30 } })).toEqual({
                [eventSources[0]]: { count: 2, total: 30 },
            });
        });
    });
    describe('and the key is a string property', () => {
        it('keeps one read model per value of the property', async () => {
            const expected = { Ada: { count: 2, total: 30 }, Grace: { count: 1, total: 5 } };
            expect(await waitForReadModels(head!.client, developmentTenant, projections.byCustomer, expected)).toEqual(expected);
        });
    });
    describe('and the key is a number property', () => {
        it('keys the read models by the number as text', async () => {
            const expected = { 1: { count: 1, total: 10 }, 2: { count: 2, total: 25 } };
            expect(await waitForReadModels(head!.client, developmentTenant, projections.byTable, expected)).toEqual(expected);
        });
    });
    describe('and the key is the partition id', () => {
        it('keeps one read model under the empty partition, as the event log is unpartitioned', async () => {
            const expected = { '00000000-0000-0000-0000-000000000000': { count: 3, total: 35 } };
            expect(await waitForReadModels(head!.client, developmentTenant, projections.byPartition, expected)).toEqual(expected);
        });
    });
    describe('and a key was never written', () => {
        it('answers the initial state, created from it', async () => {
            await waitForReadModels(head!.client, developmentTenant, projections.byCustomer, { Ada: { count: 2, total: 30 }, Grace: { count: 1, total: 5 } });
            const current = await head!.client.projections.forTenant(developmentTenant).get('Nobody', projections.byCustomer);
            expect([current.type, current.state, current.key.value]).toEqual([CurrentStateType.CreatedFromInitialState, { count: 0, total: 0 }, 'Nobody']);
        });
        it('answers a stored read model as persisted', async () => {
            await waitForReadModels(head!.client, developmentTenant, projections.byCustomer, { Ada: { count: 2, total: 30 }, Grace: { count: 1, total: 5 } });
            const current = await head!.client.projections.forTenant(developmentTenant).get('Grace', projections.byCustomer);
            expect([current.type, current.state]).toEqual([CurrentStateType.Persisted, { count: 1, total: 5 }]);
        });
    });
    describe('and the projection throws for one event', () => {
        it('retries the event after its retry timeout and recovers, applying every event once', async () => {
            const expected = { [eventSources[0]]: { count: 2, total: 30 }, [eventSources[1]]: { count: 1, total: 5 } };
            expect(await waitForReadModels(head!.client, developmentTenant, projections.failing, expected, retryDeadline)).toEqual(expected);
        });
        it('does not hold back the other key: its later event is projected before the retry', async () => {
            await waitForReadModels(head!.client, developmentTenant, projections.failing, { [eventSources[0]]: { count: 2, total: 30 }, [eventSources[1]]: { count: 1, total: 5 } }, retryDeadline);
            // 0 or 1 attempts at the failing event (the keys are in flight together), never after the retry (2).
            expect(attemptsWhenOtherKeyProjected.map((attempts) => attempts < 2)).toEqual([true]);
        });
        it('waits for the retry timeout the head asked for before the retry', () => {
            expect(failingAttempts.length).toBeGreaterThanOrEqual(2);
            expect(failingAttempts[1]! - failingAttempts[0]!).toBeGreaterThanOrEqual(4_000);
        });
    });
    describe('and two tenants have events', () => {
        it('keeps each tenant\'s read models apart', async () => {
            await waitForReadModels(head!.client, otherTenant, projections.byCustomer, { Linus: { count: 1, total: 1 } });
            await waitForReadModels(head!.client, developmentTenant, projections.byCustomer, { Ada: { count: 2, total: 30 }, Grace: { count: 1, total: 5 } });
            expect([await readModels(head!.client, otherTenant, projections.byCustomer), Object.keys(await readModels(head!.client, developmentTenant, projections.byCustomer))]).toEqual([
                { Linus: { count: 1, total: 1 } },
                ['Ada', 'Grace'],
            ]);
        });
    });
    describe('and a projection that no head registered is read', () => {
        it('fails to get its state', async () => {
            await expect(head!.client.projections.forTenant(developmentTenant).get('Ada', randomUUID())).rejects.toThrow();
        });
        it('answers no read models for all of them', async () => {
            expect(await readModels(head!.client, developmentTenant, randomUUID())).toEqual({});
        });
    });
});
