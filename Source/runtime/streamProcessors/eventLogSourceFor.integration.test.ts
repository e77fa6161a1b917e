import { expect, it } from 'vitest';
import { emptyGuid, newGuid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { eventLogSource } from '../streams/index.js';
import { eventLogSourceFor } from './eventLogSourceFor.js';
import { processingBackends } from './given/processingBackends.js';
import { TenantUnderTest } from './given/TenantUnderTest.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const dishPrepared = newGuid();
const kitchen = newGuid();

describeForEachBackend(backends, 'when a processor reads the event log stored in $name as a stream', (backend) => {
    const given = TenantUnderTest.forEachTest(backend);
    const source = () => eventLogSourceFor(given().tenant.storage.eventLog, emptyGuid);
    const commitFive = () => given().commit(...Array.from({ length: 5 }, () => ({ type: dishPrepared, eventSourceId: kitchen })));
    const positionsOf = (events: ReadonlyArray<{ position: number; partition: string; event: { sequenceNumber: number } }>) =>
        events.map((event) => [event.position, event.partition, event.event.sequenceNumber]);

    it('is announced under the scope\'s event log changes', () => {
        expect(source().changes).toBe(eventLogSource(emptyGuid));
    });

    it('reads events at their sequence numbers, all in the empty partition', async () => {
        await commitFive();
        expect(positionsOf(await source().read(1, 2))).toEqual([[1, emptyGuid, 1], [2, emptyGuid, 2]]);
    });

    it('reads the empty partition from a position up to, not including, another', async () => {
        await commitFive();
        expect(positionsOf(await source().readPartition(emptyGuid, 1, 4, 100))).toEqual([[1, emptyGuid, 1], [2, emptyGuid, 2], [3, emptyGuid, 3]]);
    });

    it('reads nothing of the empty partition when the range is empty', async () => {
        await commitFive();
        expect([await source().readPartition(emptyGuid, 3, 3, 100), await source().readPartition(emptyGuid, 4, 2, 100)]).toEqual([[], []]);
    });

    it('reads nothing of any other partition', async () => {
        await commitFive();
        expect(await source().readPartition(kitchen, 0, 5, 100)).toEqual([]);
    });
});
