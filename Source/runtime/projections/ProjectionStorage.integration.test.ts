import { describe, expect, it } from 'vitest';
import { emptyGuid, newGuid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import type { ProjectionDefinition } from './ProjectionDefinition.js';
import { projectionProcessorKey } from './ProjectionProcessor.js';
import type { FailingKey, ProjectionState } from './ProjectionState.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const at = (position: number, failingKeys: ReadonlyMap<string, FailingKey> = new Map()): ProjectionState => ({ position, lastSuccessfullyProcessed: 1, failingKeys });
// How the processor row of a projection at a position reads back from the streams' state table.
const rowAt = (position: number, lastSuccessfullyProcessed = 1) => ({ partitioned: false, position, lastSuccessfullyProcessed, failure: undefined });
const failingAt = (position: number, reason: string): FailingKey => ({ position, reason, attempts: 2, retryTime: 1_700_000_005_000, lastFailed: 1_700_000_000_000 });

describeForEachBackend(backends, 'when a tenant\'s projections are stored in $name', (backend) => {
    const given = TenantUnderTest.forEachTest(backend);
    const aDefinition = (): ProjectionDefinition => ({
        scope: newGuid(),
        projectionId: newGuid(),
        selectors: [{ eventType: newGuid(), keySelector: { kind: 'property', propertyName: 'table' } }, { eventType: newGuid(), keySelector: { kind: 'eventSourceId' } }],
        initialState: '{ "total": 0 }',
    });
    const storage = () => given().tenant.storage;

    describe('and a definition is saved', () => {
        it('reads it back as it was registered', async () => {
            const definition = aDefinition();
            await storage().projections.saveDefinition(definition);
            expect(await storage().projections.definition(definition.scope, definition.projectionId)).toEqual(definition);
        });
    });

    describe('and changes are committed with the position', () => {
        it('applies replaces and deletes in order, the last change of a key winning, and saves the position', async () => {
            const definition = aDefinition();
            const { scope, projectionId } = definition;
            const processor = projectionProcessorKey(definition);
            await storage().projections.commit(scope, projectionId, [{ key: 'b', state: '{"n":1}' }, { key: 'a', state: '{"n":2}' }], processor, at(2));
            await storage().projections.commit(scope, projectionId, [{ key: 'b', state: undefined }, { key: 'c', state: '{"n":3}' }, { key: 'c', state: '{"n":4}' }, { key: 'a', state: undefined }, { key: 'a', state: '{ "n" : 5 }' }], processor, at(7));
            expect([await storage().projections.readModels(scope, projectionId), await storage().streams.state(processor)]).toEqual([
                [{ key: 'a', state: '{ "n" : 5 }' }, { key: 'c', state: '{"n":4}' }],
                rowAt(7),
            ]);
        });

        it('writes neither the read models nor the position when the position cannot be saved', async () => {
            const definition = aDefinition();
            const { scope, projectionId } = definition;
            const processor = projectionProcessorKey(definition);
            await storage().projections.commit(scope, projectionId, [{ key: 'a', state: '{"n":1}' }], processor, at(1));
            const failing = storage().projections.commit(scope, projectionId, [{ key: 'a', state: '{"n":2}' }, { key: 'b', state: '{"n":3}' }], processor, at(Number.NaN));
            await expect(failing).rejects.toThrow();
            expect([await storage().projections.readModels(scope, projectionId), await storage().streams.state(processor)]).toEqual([[{ key: 'a', state: '{"n":1}' }], rowAt(1)]);
        });

        it('reads the read models of some keys at once, leaving out the keys without one', async () => {
            const definition = aDefinition();
            const { scope, projectionId } = definition;
            await storage().projections.commit(scope, projectionId, [{ key: 'a', state: '1' }, { key: "b'; --", state: '2' }, { key: 'c', state: '3' }], projectionProcessorKey(definition), at(3));
            expect(await storage().projections.readModelsOf(scope, projectionId, ['a', "b'; --", 'x'])).toEqual(new Map([['a', '1'], ["b'; --", '2']]));
        });

        it('saves exactly the failing keys given, with the position', async () => {
            const definition = aDefinition();
            const { scope, projectionId } = definition;
            const processor = projectionProcessorKey(definition);
            await storage().projections.commit(scope, projectionId, [], processor, at(4, new Map([['a', failingAt(1, 'cold')], ["b'; --", failingAt(2, 'burnt')]])));
            await storage().projections.commit(scope, projectionId, [], processor, at(9, new Map([["b'; --", failingAt(3, 'still burnt')], ['c', failingAt(8, 'raw')]])));
            expect([await storage().projections.failingKeys(scope, projectionId), await storage().streams.state(processor)]).toEqual([
                new Map([["b'; --", failingAt(3, 'still burnt')], ['c', failingAt(8, 'raw')]]),
                rowAt(9),
            ]);
        });

        it('keeps each projection\'s read models apart', async () => {
            const [first, second] = [aDefinition(), { ...aDefinition(), scope: emptyGuid }];
            await storage().projections.commit(first.scope, first.projectionId, [{ key: 'a', state: '1' }], projectionProcessorKey(first), at(1));
            await storage().projections.commit(second.scope, second.projectionId, [{ key: 'a', state: '2' }], projectionProcessorKey(second), at(1));
            expect([await storage().projections.readModel(first.scope, first.projectionId, 'a'), await storage().projections.readModel(second.scope, second.projectionId, 'a'), await storage().projections.readModel(first.scope, first.projectionId, 'b')]).toEqual(['1', '2', undefined]);
        });
    });

    describe('and a changed definition is saved with a reset', () => {
        it('deletes the projection\'s read models and failing keys and puts its position back, in the same transaction as the definition', async () => {
            const definition = aDefinition();
            const other = aDefinition();
            const { scope, projectionId } = definition;
            const processor = projectionProcessorKey(definition);
            await storage().projections.saveDefinition(definition);
            await storage().projections.commit(scope, projectionId, [{ key: 'a', state: '{}' }], processor, at(5, new Map([['b', failingAt(3, 'cold')]])));
            await storage().projections.commit(other.scope, other.projectionId, [{ key: 'a', state: '{}' }], projectionProcessorKey(other), at(5, new Map([['b', failingAt(3, 'cold')]])));
            const changed = { ...definition, initialState: '{"total":1}' };
            await storage().projections.saveDefinition(changed, { processor });
            expect([
                await storage().projections.readModels(scope, projectionId),
                await storage().streams.state(processor),
                await storage().projections.failingKeys(scope, projectionId),
                await storage().projections.definition(scope, projectionId),
                await storage().projections.readModels(other.scope, other.projectionId),
                (await storage().projections.failingKeys(other.scope, other.projectionId)).size,
            ]).toEqual([[], rowAt(0, 0), new Map(), changed, [{ key: 'a', state: '{}' }], 1]);
        });
    });
});
