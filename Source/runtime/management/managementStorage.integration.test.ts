import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCommittedEvent } from '../eventStore/given/aCommittedEvent.js';
import { emptyGuid, newGuid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import type { TenantStorage } from '../tenancy/index.js';
import type { SkippedEvent } from './SkippedEvents.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const [taco, burrito, kitchen, otherKitchen, aggregateRoot, handler] = [newGuid(), newGuid(), newGuid(), newGuid(), newGuid(), newGuid()];

describeForEachBackend(backends, 'when the management API reads a tenant\'s store on $name', (backend) => {
    let storage: TenantStorage;
    beforeAll(async () => {
        storage = await backend.openStorage();
        await storage.eventLog.append(emptyGuid, [
            aCommittedEvent(0, { type: { id: taco, generation: 1 }, eventSourceId: kitchen, aggregate: { aggregateRootId: aggregateRoot, version: 0 } }),
            aCommittedEvent(1, { type: { id: taco, generation: 1 }, eventSourceId: kitchen, aggregate: { aggregateRootId: aggregateRoot, version: 1 } }),
            aCommittedEvent(2, { type: { id: burrito, generation: 2 }, eventSourceId: otherKitchen, aggregate: { aggregateRootId: aggregateRoot, version: 0 } }),
        ], [
            { eventSourceId: kitchen, aggregateRootId: aggregateRoot, expectedVersion: 0, newVersion: 2 },
            { eventSourceId: otherKitchen, aggregateRootId: aggregateRoot, expectedVersion: 0, newVersion: 1 },
        ]);
        await storage.streams.saveDefinition({ scope: emptyGuid, streamId: handler, public: false, partitioned: true, filter: { kind: 'eventTypes', types: [taco] } });
        await storage.streams.saveState({ scope: emptyGuid, processorId: handler, sourceStreamId: handler }, { partitioned: true, position: 1, lastSuccessfullyProcessed: 5, failingPartitions: new Map() });
    });
    afterAll(() => storage?.close());

    it('counts the events of each event type and generation', async () => {
        const types = await storage.eventLog.eventTypes(emptyGuid);
        expect(types.map(({ type, generation, events }) => ({ type, generation, events })).sort((left, right) => left.generation - right.generation)).toEqual([
            { type: taco, generation: 1, events: 2 },
            { type: burrito, generation: 2, events: 1 },
        ]);
    });

    it('lists the instances of an aggregate root with their versions', async () => {
        const instances = await storage.eventLog.aggregates(aggregateRoot);
        expect(instances.map(({ eventSourceId, version }) => ({ eventSourceId, version })).sort((left, right) => left.version - right.version)).toEqual([
            { eventSourceId: otherKitchen, version: 1 },
            { eventSourceId: kitchen, version: 2 },
        ]);
    });

    it('lists no instances of an aggregate root that has none', async () => expect(await storage.eventLog.aggregates(newGuid())).toEqual([]));

    it('lists the stored processor keys and stream definitions', async () => {
        expect([await storage.streams.processorKeys(), (await storage.streams.definitions()).map((definition) => definition.streamId)]).toEqual([
            [{ scope: emptyGuid, processorId: handler, sourceStreamId: handler }],
            [handler],
        ]);
    });

    describe('and an event was skipped', () => {
        const processor = { scope: emptyGuid, processorId: handler, sourceStreamId: handler };
        const skip: SkippedEvent = { processor, partition: kitchen, position: 3, eventLogSequenceNumber: 7, reason: 'Error: no beans', attempts: 4, skipped: 1_700_000_000_123, skippedBy: 'ipv4:127.0.0.1:5555' };
        beforeAll(() => storage.skippedEvents.record(skip));

        it('keeps the skip with everything about it', async () => expect(await storage.skippedEvents.of(processor)).toEqual([skip]));
        it('keeps it apart from other processors', async () => expect(await storage.skippedEvents.of({ ...processor, processorId: newGuid() })).toEqual([]));
    });
});
