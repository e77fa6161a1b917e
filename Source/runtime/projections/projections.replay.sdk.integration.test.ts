import { randomUUID } from 'node:crypto';
import type { ClientBuilder } from '@dolittle/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { waitForReadModels } from './given/readModels.js';

const backends = await backendsForTests(import.meta.url);

type Visit = { readonly guest: string; readonly amount: number };
/** A version of the projection's definition: which types it takes, how it keys them, and its initial state. */
type Definition = { readonly paid: boolean; readonly keyByGuest: boolean; readonly initialTotal: number };

describeForEachBackend(backends, 'when a projection registers again on a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    printLogsOnFailure(() => runtime);
    const ordered = randomUUID();
    const paid = randomUUID();
    const projectionId = randomUUID();
    const tables = [randomUUID(), randomUUID()] as const;
    const calls: Array<{ readonly head: number; readonly amount: number }> = [];
    const results = {
        unchangedCalls: [] as ReadonlyArray<number>,
        afterChange: new Map<string, { readonly replayed: Record<string, unknown>; readonly fresh: Record<string, unknown> }>(),
    };

    /** Registers the projection (and, under a fresh id, the same definition) in a new head numbered `head`. */
    const register = (head: number, definition: Definition, freshId?: string): ConnectedClient => {
        const add = (builder: ClientBuilder) => builder.withProjections((projections) => {
            for (const id of freshId === undefined ? [projectionId] : [projectionId, freshId]) {
                const readModel = class {
                    total = definition.initialTotal;
                    visits = 0;
                };
                const projection = projections.createProjection(id).forReadModel(readModel)
                    .on(ordered, (key) => (definition.keyByGuest ? key.keyFromProperty('guest') : key.keyFromEventSource()), (state: InstanceType<typeof readModel>, event: Visit) => {
                        if (id === projectionId) {
                            calls.push({ head, amount: event.amount });
                        }
                        state.total += event.amount;
                        state.visits += 1;
                        return state;
                    });
                if (definition.paid) {
                    projection.on(paid, (key) => (definition.keyByGuest ? key.keyFromProperty('guest') : key.keyFromEventSource()), (state: InstanceType<typeof readModel>) => {
                        state.total = 0;
                        return state;
                    });
                }
            }
        });
        const client = connectClient(runtime!, add);
        clients.push(client);
        return client;
    };
    const commit = async (client: ConnectedClient, type: string, table: string, content: Visit) => {
        await commitEvents(client.client.eventStore.forTenant(developmentTenant), type, [{ content, eventSourceId: table }]);
    };

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        const committer = connectClient(runtime);
        clients.push(committer);
        await commit(committer, ordered, tables[0], { guest: 'Ada', amount: 10 });
        await commit(committer, ordered, tables[1], { guest: 'Ada', amount: 5 });
        await commit(committer, paid, tables[0], { guest: 'Ada', amount: 0 });
        await commit(committer, ordered, tables[0], { guest: 'Grace', amount: 7 });

        const first: Definition = { paid: false, keyByGuest: false, initialTotal: 0 };
        const head1 = register(1, first);
        await waitForReadModels(head1.client, developmentTenant, projectionId, { [tables[0]]: { total: 17, visits: 2 }, [tables[1]]: { total: 5, visits: 1 } });
        head1.disconnect();

        // The same definition again: the projection resumes, and only a new event is projected.
        const head2 = register(2, first);
        await commit(committer, ordered, tables[1], { guest: 'Grace', amount: 1 });
        await waitForReadModels(head2.client, developmentTenant, projectionId, { [tables[0]]: { total: 17, visits: 2 }, [tables[1]]: { total: 6, visits: 2 } });
        results.unchangedCalls = calls.filter((call) => call.head === 2).map((call) => call.amount);
        head2.disconnect();

        // Each change of the definition, in turn, compared with the same definition registered fresh under a new id.
        const changes: ReadonlyArray<readonly [string, Definition]> = [
            ['an event type is added', { paid: true, keyByGuest: false, initialTotal: 0 }],
            ['a key selector changes', { paid: true, keyByGuest: true, initialTotal: 0 }],
            ['the initial state changes', { paid: true, keyByGuest: true, initialTotal: 100 }],
        ];
        for (const [index, [change, definition]] of changes.entries()) {
            const freshId = randomUUID();
            const head = register(3 + index, definition, freshId);
            const expected = expectedReadModels(definition);
            const fresh = await waitForReadModels(head.client, developmentTenant, freshId, expected);
            const replayed = await waitForReadModels(head.client, developmentTenant, projectionId, expected);
            results.afterChange.set(change, { replayed, fresh });
            head.disconnect();
        }
    }, 120_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    /** What the events committed above make of a definition, worked out by hand. */
    const expectedReadModels = (definition: Definition): Record<string, unknown> => {
        const start = definition.initialTotal;
        if (definition.keyByGuest) {
            // Ada: 10, 5, paid (total 0); Grace: 7, 1.
            return { Ada: { total: 0, visits: 2 }, Grace: { total: start + 8, visits: 2 } };
        }
        // Table 0: 10, paid (total 0), 7; table 1: 5, 1.
        return { [tables[0]]: { total: 7, visits: 2 }, [tables[1]]: { total: start + 6, visits: 2 } };
    };

    describe('with an unchanged definition', () => {
        it('does not replay: the head is asked only about the new event', () => {
            expect(results.unchangedCalls).toEqual([1]);
        });
    });
    for (const change of ['an event type is added', 'a key selector changes', 'the initial state changes']) {
        describe(`after ${change}`, () => {
            it('replays to the read models of a fresh run of the new definition', () => {
                const after = results.afterChange.get(change);
                expect(after?.replayed).toEqual(after?.fresh);
            });
        });
    }
});
