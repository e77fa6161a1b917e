import { dolittle, guidToUuid } from '@dolittle-typescript/protocol';
import { expect, it } from 'vitest';
import type { ExecutionContext } from '../execution/index.js';
import { newGuid, type Guid } from '../guids/index.js';
import { createLogging } from '../logging/index.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import type { EmbeddingDefinition } from './EmbeddingDefinition.js';
import { embeddingHeadOver, type EmbeddingHead } from './EmbeddingHead.js';
import { EmbeddingProcessor } from './EmbeddingProcessor.js';
import type { EmbeddingRequest } from './embeddingsProtocol.js';
import { eventSourceIdOfKey } from './eventSourceIdOfKey.js';
import { embeddingFailureIds } from './failures.js';
import { adding, scriptedHead } from './given/scriptedHead.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const logger = createLogging({ level: 'error', format: 'json', categoryLevels: [] }, { write: () => undefined })('runtime.embeddings');

describeForEachBackend(backends, 'when an embedding processor changes keys of a tenant stored in $name', (backend) => {
    const given = TenantUnderTest.forEachTest(backend);
    const definition = (): EmbeddingDefinition => ({ embeddingId: newGuid(), eventTypes: [adding(0).type.id], initialState: '{"count":0}' });
    const contextOf = (tenantId: Guid): ExecutionContext => ({
        microserviceId: newGuid(),
        tenantId,
        version: { major: 1, minor: 0, patch: 0, build: 0, preRelease: '' },
        correlationId: newGuid(),
        claims: [],
        environment: 'Development',
    });
    const start = (embedding: EmbeddingDefinition, head: EmbeddingHead) => {
        const processor = new EmbeddingProcessor({ definition: embedding, tenant: given().tenant, head, logger });
        processor.start();
        return processor;
    };
    const answering = (answer: dolittle.runtime.embeddings.EmbeddingResponse.$Properties) =>
        embeddingHeadOver((_request: EmbeddingRequest) => Promise.resolve(dolittle.runtime.embeddings.EmbeddingResponse.fromObject(answer)), new AbortController().signal);
    const aggregateOf = (embedding: EmbeddingDefinition, key: string) =>
        given().tenant.storage.eventLog.fetchForAggregate({ eventSourceId: eventSourceIdOfKey(key), aggregateRootId: embedding.embeddingId });

    it('commits the events of an update in one aggregate commit, as aggregate events of the embedding, and stores the state with the version', async () => {
        const embedding = definition();
        const processor = start(embedding, scriptedHead({ compare: (current, desired) => ({ answered: true, value: [adding(1), adding(desired.count - current.count - 1)] }) }).head);
        const updated = await processor.update('shelf', '{"count":5}', contextOf(given().tenant.id));
        const aggregate = await aggregateOf(embedding, 'shelf');
        await processor.stop();
        expect([
            updated,
            aggregate.version,
            aggregate.events.map((event) => [event.content, event.aggregate?.aggregateRootId, event.public]),
            new Set(aggregate.events.map((event) => event.executionContext.correlationId)).size,
            await given().tenant.storage.embeddings.state(embedding.embeddingId, 'shelf'),
        ]).toEqual([
            { succeeded: true, value: '{"count":5}' },
            2,
            [['{"by":1}', embedding.embeddingId, true], ['{"by":4}', embedding.embeddingId, true]],
            1,
            { key: 'shelf', state: '{"count":5}', version: 2, removed: false },
        ]);
    });

    it('answers a head that answers neither events nor a failure with FailedToUpdateEmbedding, and changes nothing', async () => {
        const embedding = definition();
        const processor = start(embedding, answering({}));
        const updated = await processor.update('shelf', '{"count":5}', contextOf(given().tenant.id));
        await processor.stop();
        expect([updated, (await aggregateOf(embedding, 'shelf')).version, await given().tenant.storage.embeddings.states(embedding.embeddingId)]).toEqual([
            { succeeded: false, failure: { id: embeddingFailureIds.failedToUpdateEmbedding, reason: `Failed to update key 'shelf' of embedding ${embedding.embeddingId}: the head answered the compare request with neither an answer nor a failure` } },
            0,
            [],
        ]);
    });

    it('answers a head whose events are garbage with FailedToUpdateEmbedding, and changes nothing', async () => {
        const embedding = definition();
        const processor = start(embedding, answering({ compare: { events: [{ artifact: { id: guidToUuid(adding(0).type.id) }, content: 'not json' }] } }));
        const updated = await processor.update('shelf', '{"count":5}', contextOf(given().tenant.id));
        await processor.stop();
        expect([updated.succeeded ? '' : updated.failure.reason, (await aggregateOf(embedding, 'shelf')).version, await given().tenant.storage.embeddings.states(embedding.embeddingId)]).toEqual([
            expect.stringContaining('whose content is not a JSON object: not json'),
            0,
            [],
        ]);
    });

    it('projects the events committed to a key\'s aggregate elsewhere before it compares, and commits after them', async () => {
        const embedding = definition();
        const { head, asked } = scriptedHead({});
        const processor = start(embedding, head);
        await processor.update('shelf', '{"count":2}', contextOf(given().tenant.id));
        await processor.stop();
        // Committed while no processor ran (or between an update's commit and the store of its state).
        const elsewhere = await given().tenant.eventStore.commitForAggregate({
            kind: 'aggregate', executionContext: contextOf(given().tenant.id), aggregateRootId: embedding.embeddingId, eventSourceId: eventSourceIdOfKey('shelf'), expectedVersion: 1, events: [adding(10)],
        });
        asked.length = 0;
        const restarted = start(embedding, head);
        const updated = await restarted.update('shelf', '{"count":20}', contextOf(given().tenant.id));
        await restarted.stop();
        expect([elsewhere.succeeded, updated.succeeded, asked, await given().tenant.storage.embeddings.state(embedding.embeddingId, 'shelf')]).toEqual([
            true,
            true,
            ['project {"by":10} onto {"count":2}', 'compare {"count":12} to {"count":20}', 'project {"by":8} onto {"count":12}'],
            { key: 'shelf', state: '{"count":20}', version: 3, removed: false },
        ]);
    });

    it('marks a deleted key removed with its version, and answers a delete of a key with no state at once', async () => {
        const embedding = definition();
        const { head, asked } = scriptedHead({});
        const processor = start(embedding, head);
        await processor.update('shelf', '{"count":2}', contextOf(given().tenant.id));
        const deleted = await processor.delete('shelf', contextOf(given().tenant.id));
        asked.length = 0;
        const deletedAgain = await processor.delete('shelf', contextOf(given().tenant.id));
        const neverStored = await processor.delete('nothing', contextOf(given().tenant.id));
        await processor.stop();
        expect([deleted, deletedAgain, neverStored, asked, await given().tenant.storage.embeddings.state(embedding.embeddingId, 'shelf')]).toEqual([
            { succeeded: true, value: undefined },
            { succeeded: true, value: undefined },
            { succeeded: true, value: undefined },
            [],
            { key: 'shelf', state: '{"count":0}', version: 2, removed: true },
        ]);
    });
});
