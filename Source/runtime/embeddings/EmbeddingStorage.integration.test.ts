import { expect, it } from 'vitest';
import { newGuid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import type { EmbeddingDefinition } from './EmbeddingDefinition.js';
import { eventSourceIdOfKey } from './eventSourceIdOfKey.js';

const backends = processingBackends(await postgresForTests(import.meta.url));

describeForEachBackend(backends, 'when a tenant\'s embeddings are stored in $name', (backend) => {
    const given = TenantUnderTest.forEachTest(backend);
    const embeddings = () => given().tenant.storage.embeddings;
    const aDefinition = (): EmbeddingDefinition => ({ embeddingId: newGuid(), eventTypes: [newGuid(), newGuid()], initialState: '{ "count": 0 }' });

    it('reads a saved definition back as it was registered, and replaces it', async () => {
        const definition = aDefinition();
        await embeddings().saveDefinition(definition);
        const first = await embeddings().definition(definition.embeddingId);
        await embeddings().saveDefinition({ ...definition, initialState: '{}' });
        expect([first, await embeddings().definition(definition.embeddingId), await embeddings().definition(newGuid())]).toEqual([definition, { ...definition, initialState: '{}' }, undefined]);
    });

    it('stores state, version and removal together, keeps removed keys, and finds keys by event source', async () => {
        const { embeddingId } = aDefinition();
        await embeddings().save(embeddingId, eventSourceIdOfKey('b'), { key: 'b', state: '{"count":2}', version: 2, removed: false });
        await embeddings().save(embeddingId, eventSourceIdOfKey('a'), { key: 'a', state: '{ "count" : 1 }', version: 1, removed: false });
        await embeddings().save(embeddingId, eventSourceIdOfKey('b'), { key: 'b', state: '{"count":0}', version: 3, removed: true });
        expect([
            await embeddings().states(embeddingId),
            await embeddings().state(embeddingId, 'b'),
            await embeddings().statesOfEventSources(embeddingId, [eventSourceIdOfKey('a'), newGuid()]),
            await embeddings().states(newGuid()),
        ]).toEqual([
            [{ key: 'a', state: '{ "count" : 1 }', version: 1, removed: false }, { key: 'b', state: '{"count":0}', version: 3, removed: true }],
            { key: 'b', state: '{"count":0}', version: 3, removed: true },
            [{ key: 'a', state: '{ "count" : 1 }', version: 1, removed: false }],
            [],
        ]);
    });

    it('never moves a key back to an older version', async () => {
        const { embeddingId } = aDefinition();
        const eventSourceId = eventSourceIdOfKey('k');
        await embeddings().save(embeddingId, eventSourceId, { key: 'k', state: '{"count":5}', version: 5, removed: false });
        const older = await embeddings().save(embeddingId, eventSourceId, { key: 'k', state: '{"count":4}', version: 4, removed: false });
        expect([older, await embeddings().state(embeddingId, 'k')]).toEqual([false, { key: 'k', state: '{"count":5}', version: 5, removed: false }]);
    });
});
