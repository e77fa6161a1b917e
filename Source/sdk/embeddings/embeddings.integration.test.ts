import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../../runtime/host/given/backendsForTests.js';
import { developmentTenant } from '../../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../runtime/host/given/startRuntime.js';
import { describeForEachBackend } from '../../runtime/storage/postgres/given/describeForEachBackend.js';
import { on } from '../aggregates/aggregateRootDecorators.js';
import { eventType } from '../artifacts/eventTypeDecorator.js';
import type { Client } from '../Client.js';
import { connectOurClient, type RecordedLines } from '../given/connectOurClient.js';
import { ProjectionResult } from '../projections/ProjectionResult.js';
import { CurrentStateType } from '../projections/store/CurrentState.js';
import type { EmbeddingContext } from './EmbeddingContext.js';
import { embedding, resolveDeletionToEvents, resolveUpdateToEvents } from './embeddingDecorators.js';
import { FailedToGetUpdatedState } from './store/EmbeddingStore.js';

const backends = await backendsForTests(import.meta.url);

@eventType('6e8d0c2b-4a6f-4e1d-9b3c-5d7f9a1b3c5e')
class EmployeeHired {
    constructor(readonly name: string, readonly workplace: string) {}
}

@eventType('7f9e1d3c-5b7a-4f2e-8c4d-6e8a0b2c4d6f')
class EmployeeTransferred {
    constructor(readonly from: string, readonly to: string) {}
}

@eventType('8a0f2e4d-6c8b-4a3f-9d5e-7f9b1c3d5e7a')
class EmployeeRetired {}

@eventType('9b1a3f5e-7d9c-4b4a-8e6f-8a0c2d4e6f8b')
class StockAdjusted {
    constructor(readonly by: number) {}
}

/** A class-based embedding: the resolvers and @on methods are called on the current state. */
@embedding('0c2b4a6f-8e0d-4c5b-9f7a-9b1d3e5f7a9c')
class Employee {
    name = '';
    workplace = 'Unassigned';

    @resolveUpdateToEvents()
    resolveUpdate(updated: Employee, context: EmbeddingContext): unknown {
        if (updated.name === 'Mallory') {
            throw new Error('Mallory may not be hired');
        }
        if (context.wasCreatedFromInitialState) {
            return new EmployeeHired(updated.name, updated.workplace);
        }
        return [new EmployeeTransferred(this.workplace, updated.workplace)];
    }

    @resolveDeletionToEvents()
    resolveDeletion(): unknown {
        return new EmployeeRetired();
    }

    @on(EmployeeHired)
    hired(event: EmployeeHired): void {
        this.name = event.name;
        this.workplace = event.workplace;
    }

    @on(EmployeeTransferred)
    transferred(event: EmployeeTransferred): void {
        this.workplace = event.to;
    }

    @on(EmployeeRetired)
    retired(): typeof ProjectionResult.delete {
        return ProjectionResult.delete;
    }
}

describeForEachBackend(backends, 'when our SDK\'s embeddings run on a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let client: Client;
    const recorded: RecordedLines = { lines: [] };
    const stockId = randomUUID();
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend, tenants: [developmentTenant] });
        client = connectOurClient(runtime, (builder) => builder.withEmbeddings((embeddings) => {
            embeddings.register(Employee);
            embeddings.createEmbedding(stockId).forReadModel({ count: 0 })
                .resolveUpdateToEvents((wanted, current) => new StockAdjusted(wanted.count - current.count))
                .resolveDeletionToEvents((current) => new StockAdjusted(-current.count))
                .on<StockAdjusted>(StockAdjusted, (stock, event) => (stock.count + event.by === 0 ? ProjectionResult.delete : { count: stock.count + event.by }));
        }), recorded);
        await client.registered;
    }, 60_000);
    afterAll(async () => {
        await client?.disconnect();
        await runtime?.dispose();
    });

    describe('and a key is updated, updated again and read', () => {
        it('commits the resolved events and answers the state they lead to, as an object of the class', async () => {
            const employees = client.embeddings.forTenant(developmentTenant);
            const hired = await employees.update(Employee, 'bob', Object.assign(new Employee(), { name: 'Bob', workplace: 'Kitchen' }));
            const transferred = await employees.update(Employee, 'bob', Object.assign(new Employee(), { name: 'Bob', workplace: 'Bar' }));
            const read = await employees.get(Employee, 'bob');
            expect([hired.state.workplace, transferred.state.workplace, read.type, read.state instanceof Employee, read.state.name, read.state.workplace]).toEqual(['Kitchen', 'Bar', CurrentStateType.Persisted, true, 'Bob', 'Bar']);
        });
        it('lists the keys and the states', async () => {
            const employees = client.embeddings.forTenant(developmentTenant);
            await employees.update(Employee, 'alice', Object.assign(new Employee(), { name: 'Alice', workplace: 'Office' }));
            const all = await employees.getAll(Employee);
            expect([(await employees.getKeys(Employee)).map((key) => key.value).sort(), Object.fromEntries([...all].map(([key, state]) => [key.value, state.state.workplace]))]).toMatchObject([['alice', 'bob'], { alice: 'Office' }]);
        });
    });
    describe('and a key is deleted', () => {
        it('commits the deletion events and the key is gone, answering the initial state', async () => {
            const employees = client.embeddings.forTenant(developmentTenant);
            await employees.update(Employee, 'carol', Object.assign(new Employee(), { name: 'Carol', workplace: 'Garden' }));
            await employees.delete(Employee, 'carol');
            const carol = await employees.get(Employee, 'carol');
            expect([(await employees.getKeys(Employee)).map((key) => key.value).includes('carol'), carol.type, carol.state.workplace]).toEqual([false, CurrentStateType.CreatedFromInitialState, 'Unassigned']);
        });
    });
    describe('and the embedding is built from callbacks and used by id', () => {
        it('updates and deletes by id', async () => {
            const stock = client.embeddings.forTenant(developmentTenant);
            const updated = await stock.update('shelf', stockId, { count: 5 });
            const lowered = await stock.update('shelf', stockId, { count: 2 });
            await stock.delete('shelf', stockId);
            expect([updated.state, lowered.state, await stock.getKeys(stockId)]).toEqual([{ count: 5 }, { count: 2 }, []]);
        });
    });
    describe('and the update resolver throws', () => {
        it('rejects the update with FailedToGetUpdatedState carrying the resolver\'s reason', async () => {
            const update = client.embeddings.forTenant(developmentTenant).update(Employee, 'mallory', Object.assign(new Employee(), { name: 'Mallory', workplace: 'Vault' }));
            await expect(update).rejects.toThrow(FailedToGetUpdatedState);
            await expect(update).rejects.toThrow('Mallory may not be hired');
        });
    });
});
