import { randomUUID } from 'node:crypto';
import { AggregateRootId, AggregateRootVersion, EventSourceId, EventTypeId } from '@dolittle/sdk.events';
import { ProjectionResult } from '@dolittle/sdk.projections';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { eventSourceIdOfKey } from './eventSourceIdOfKey.js';
import { embeddingFailureIds } from './failures.js';

const backends = await backendsForTests(import.meta.url);
const otherTenant = '7c1a5a7e-5b0c-4b6a-9f5e-3a2d1c0b9a88';

const ids = {
    stock: randomUUID(),
    looping: randomUUID(),
    throwing: randomUUID(),
    neverConnected: randomUUID(),
    stockAdjusted: randomUUID(),
    stockRemoved: randomUUID(),
    shelfWobbled: randomUUID(),
};

class StockAdjusted {
    constructor(readonly by: number) {}
}
class StockRemoved {}
class ShelfWobbled {}
class Stock {
    count = 0;
}
class WobblyShelf {
    count = 0;
}
class ThrowingShelf {
    count = 0;
}

/** What the store answers for every key of an embedding, as plain JSON. */
async function statesOf(head: ConnectedClient, tenant: string, embeddingId: string): Promise<Record<string, unknown>> {
    const states = await head.client.embeddings.forTenant(tenant).getAll(embeddingId);
    return Object.fromEntries([...states].map(([key, current]) => [key.value as string, JSON.parse(JSON.stringify(current.state)) as unknown]));
}

describeForEachBackend(backends, 'when SDK embeddings run on a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let head: ConnectedClient | undefined;
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend, tenants: [developmentTenant, otherTenant] });
        head = connectClient(runtime, (builder) => builder
            .withEventTypes((eventTypes) => {
                eventTypes.associate(StockAdjusted, ids.stockAdjusted);
                eventTypes.associate(StockRemoved, ids.stockRemoved);
                eventTypes.associate(ShelfWobbled, ids.shelfWobbled);
            })
            .withEmbeddings((embeddings) => {
                embeddings.createEmbedding(ids.stock).forReadModel(Stock)
                    .resolveUpdateToEvents((desired: Stock, current: Stock) => new StockAdjusted(desired.count - current.count))
                    .resolveDeletionToEvents(() => new StockRemoved())
                    .on(StockAdjusted, (stock: Stock, event: StockAdjusted) => {
                        stock.count += event.by;
                        return stock;
                    })
                    .on(StockRemoved, () => ProjectionResult.delete);
                // Its events never change the state: a compare can never reach the desired state.
                embeddings.createEmbedding(ids.looping).forReadModel(WobblyShelf)
                    .resolveUpdateToEvents(() => new ShelfWobbled())
                    .resolveDeletionToEvents(() => new ShelfWobbled())
                    .on(ShelfWobbled, (shelf: WobblyShelf) => shelf);
                embeddings.createEmbedding(ids.throwing).forReadModel(ThrowingShelf)
                    .resolveUpdateToEvents(() => {
                        throw new Error('The shelf refuses to be counted');
                    })
                    .resolveDeletionToEvents(() => new ShelfWobbled())
                    .on(ShelfWobbled, (shelf: ThrowingShelf) => shelf);
            }));
        // Registration runs in the background: wait until the store knows every embedding for both tenants.
        for (const tenant of [developmentTenant, otherTenant]) {
            for (const embeddingId of [ids.stock, ids.looping, ids.throwing]) {
                await waitUntil(async () => {
                    try {
                        await head!.client.embeddings.forTenant(tenant).getKeys(embeddingId);
                        return true;
                    } catch {
                        return false;
                    }
                }, `embedding ${embeddingId} is registered for tenant ${tenant}`, 30_000);
            }
        }
    }, 90_000);
    afterAll(async () => {
        head?.disconnect();
        await runtime?.dispose();
    });

    describe('and a key is updated to a new state', () => {
        it('commits the events in one aggregate commit and the store answers the state', async () => {
            const embeddings = head!.client.embeddings.forTenant(developmentTenant);
            const updated = await embeddings.update('shelf-1', ids.stock, { count: 3 });
            expect(JSON.parse(JSON.stringify(updated.state))).toEqual({ count: 3 });
            const current = await embeddings.get('shelf-1', ids.stock);
            const aggregate = await head!.client.eventStore.forTenant(developmentTenant).fetchForAggregate(AggregateRootId.from(ids.stock), EventSourceId.from(eventSourceIdOfKey('shelf-1')));
            expect([JSON.parse(JSON.stringify(current.state)), aggregate.toArray().length, aggregate.toArray().map((event) => event.content as unknown)]).toEqual([
                { count: 3 },
                1,
                [{ by: 3 }],
            ]);
        });
        it('commits nothing when the state is already the desired one', async () => {
            const embeddings = head!.client.embeddings.forTenant(developmentTenant);
            await embeddings.update('shelf-2', ids.stock, { count: 2 });
            await embeddings.update('shelf-2', ids.stock, { count: 2 });
            const aggregate = await head!.client.eventStore.forTenant(developmentTenant).fetchForAggregate(AggregateRootId.from(ids.stock), EventSourceId.from(eventSourceIdOfKey('shelf-2')));
            expect(aggregate.toArray().length).toBe(1);
        });
    });

    describe('and a key is deleted', () => {
        it('removes the key from getKeys and getAll, and get answers the initial state', async () => {
            const embeddings = head!.client.embeddings.forTenant(developmentTenant);
            await embeddings.update('shelf-3', ids.stock, { count: 7 });
            expect((await embeddings.getKeys(ids.stock)).map((key) => key.value)).toContain('shelf-3');
            await embeddings.delete('shelf-3', ids.stock);
            const current = await embeddings.get('shelf-3', ids.stock);
            expect([
                (await embeddings.getKeys(ids.stock)).map((key) => key.value),
                Object.keys(await statesOf(head!, developmentTenant, ids.stock)),
                JSON.parse(JSON.stringify(current.state)),
            ]).toEqual([expect.not.arrayContaining(['shelf-3']), expect.not.arrayContaining(['shelf-3']), { count: 0 }]);
        });
        it('can update the removed key again', async () => {
            const embeddings = head!.client.embeddings.forTenant(developmentTenant);
            await embeddings.update('shelf-4', ids.stock, { count: 1 });
            await embeddings.delete('shelf-4', ids.stock);
            await embeddings.update('shelf-4', ids.stock, { count: 5 });
            expect((await statesOf(head!, developmentTenant, ids.stock))['shelf-4']).toEqual({ count: 5 });
        });
    });

    describe('and an update would loop for ever', () => {
        it('fails with a reason that names the loop, and stores nothing', async () => {
            const embeddings = head!.client.embeddings.forTenant(developmentTenant);
            const error = await embeddings.update('wobbly', ids.looping, { count: 1 }).then(() => undefined, (thrown: unknown) => thrown);
            const aggregate = await head!.client.eventStore.forTenant(developmentTenant).fetchForAggregate(AggregateRootId.from(ids.looping), EventSourceId.from(eventSourceIdOfKey('wobbly')));
            expect([String(error), await embeddings.getKeys(ids.looping), aggregate.toArray().length]).toEqual([
                expect.stringContaining('embedding loop detected'),
                [],
                0,
            ]);
        });
    });

    describe('and the head fails an update', () => {
        it('fails with the documented id and the head\'s reason, and the Runtime stays up', async () => {
            const embeddings = head!.client.embeddings.forTenant(developmentTenant);
            const error = await embeddings.update('counted', ids.throwing, { count: 1 }).then(() => undefined, (thrown: unknown) => thrown);
            expect(String(error)).toContain('The shelf refuses to be counted');
            expect(String(error)).toContain(embeddingFailureIds.failedToUpdateEmbedding);
            expect(await embeddings.getKeys(ids.throwing)).toEqual([]);
            await embeddings.update('shelf-5', ids.stock, { count: 1 });
        });
    });

    describe('and events are committed elsewhere to an embedding\'s aggregate', () => {
        it('refreshes the key\'s state from them', async () => {
            const embeddings = head!.client.embeddings.forTenant(developmentTenant);
            await embeddings.update('shelf-6', ids.stock, { count: 2 });
            const committed = await head!.client.eventStore.forTenant(developmentTenant).commitForAggregate(
                new StockAdjusted(40),
                eventSourceIdOfKey('shelf-6'),
                AggregateRootId.from(ids.stock),
                AggregateRootVersion.from(1),
                EventTypeId.from(ids.stockAdjusted),
            );
            expect(committed.failed).toBe(false);
            await waitUntil(async () => JSON.stringify((await statesOf(head!, developmentTenant, ids.stock))['shelf-6']) === JSON.stringify({ count: 42 }), 'shelf-6 was refreshed to 42', 30_000);
            const updated = await embeddings.update('shelf-6', ids.stock, { count: 50 });
            const aggregate = await head!.client.eventStore.forTenant(developmentTenant).fetchForAggregate(AggregateRootId.from(ids.stock), EventSourceId.from(eventSourceIdOfKey('shelf-6')));
            expect([JSON.parse(JSON.stringify(updated.state)), aggregate.toArray().map((event) => event.content as unknown)]).toEqual([{ count: 50 }, [{ by: 2 }, { by: 40 }, { by: 8 }]]);
        });
    });

    describe('and two tenants update the same key', () => {
        it('keeps each tenant\'s states apart', async () => {
            await head!.client.embeddings.forTenant(otherTenant).update('shared', ids.stock, { count: 11 });
            await head!.client.embeddings.forTenant(developmentTenant).update('shared', ids.stock, { count: 22 });
            expect([await statesOf(head!, otherTenant, ids.stock), (await statesOf(head!, developmentTenant, ids.stock)).shared]).toEqual([{ shared: { count: 11 } }, { count: 22 }]);
        });
    });

    describe('and the input is bad', () => {
        it('answers NoEmbeddingRegisteredForTenant at once for an embedding no head has connected', async () => {
            const error = await head!.client.embeddings.forTenant(developmentTenant).update('shelf-1', ids.neverConnected, { count: 1 }).then(() => undefined, (thrown: unknown) => thrown);
            expect(String(error)).toContain(embeddingFailureIds.noEmbeddingRegisteredForTenant);
        });
        it('answers FailedToGetEmbeddingDefinition when reading an embedding no head registered', async () => {
            const error = await head!.client.embeddings.forTenant(developmentTenant).getAll(ids.neverConnected).then(() => undefined, (thrown: unknown) => thrown);
            expect(String(error)).toContain(embeddingFailureIds.failedToGetEmbeddingDefinition);
        });
        it('refuses an empty key with FailedToUpdateEmbedding, and changes nothing', async () => {
            const before = await statesOf(head!, developmentTenant, ids.stock);
            const error = await head!.client.embeddings.forTenant(developmentTenant).update('', ids.stock, { count: 1 }).then(() => undefined, (thrown: unknown) => thrown);
            expect([String(error).includes(embeddingFailureIds.failedToUpdateEmbedding), String(error)]).toEqual([true, expect.stringContaining('the key is empty')]);
            expect(await statesOf(head!, developmentTenant, ids.stock)).toEqual(before);
        });
    });
});
