import { describe, expect, it } from 'vitest';
import { newGuid, type Guid } from '../../guids/index.js';
import type { StreamEvent } from '../StreamEvent.js';
import type { StreamKey } from '../StreamKey.js';
import { commitEvents, filtered } from './committedEvents.js';
import type { StreamStorageUnderTest } from './StreamStorageUnderTest.js';
import { newProcessorKey, newStreamKey } from './streamKeys.js';

/** The behaviour of reading streams and their partitions. */
export function describeStreamReads(storage: () => StreamStorageUnderTest): void {
    const partitions: ReadonlyArray<Guid> = [newGuid(), newGuid()];

    // Ten events in two interleaved partitions (positions 0, 2, 4, ... and 1, 3, 5, ...), skipping every other
    // event log event so that positions and sequence numbers differ.
    async function streamOfTen(): Promise<{ readonly key: StreamKey; readonly appended: ReadonlyArray<StreamEvent> }> {
        const { streams, eventLog } = storage();
        const key = newStreamKey();
        const chosen = (await commitEvents(eventLog, key.scope, 20)).filter((_, index) => index % 2 === 1);
        const appended = await streams.appendAndSaveState(
            key,
            filtered(chosen, (_, index) => partitions[index % 2]!),
            newProcessorKey(),
            { partitioned: false, position: 20, lastSuccessfullyProcessed: 0, failure: undefined },
        );
        return { key, appended };
    }

    describe('when reading a stream', () => {
        it('returns the events from the position on in position order', async () => {
            const { key, appended } = await streamOfTen();
            expect(await storage().streams.read(key, 3, 100)).toEqual(appended.slice(3));
        });

        it('returns at most the limit', async () => {
            const { key, appended } = await streamOfTen();
            expect(await storage().streams.read(key, 2, 4)).toEqual(appended.slice(2, 6));
        });

        it('returns nothing from the end of the stream on', async () => {
            const { key } = await streamOfTen();
            expect(await storage().streams.read(key, 10, 100)).toEqual([]);
        });

        it('returns nothing for a stream that has no events', async () => {
            expect(await storage().streams.read(newStreamKey(), 0, 100)).toEqual([]);
        });

        it('returns each event with everything it was committed with', async () => {
            const { key, appended } = await streamOfTen();
            const read = await storage().streams.read(key, 0, 100);
            expect(read.map((event) => event.event)).toStrictEqual(appended.map((event) => event.event));
        });
    });

    describe('when reading a partition of a stream', () => {
        it('returns only that partition\'s events in the range, in position order', async () => {
            const { key, appended } = await streamOfTen();
            const read = await storage().streams.readPartition(key, partitions[1]!, 2, 8, 100);
            expect(read).toEqual(appended.filter((event) => event.partition === partitions[1] && event.position >= 2 && event.position < 8));
        });

        it('does not return the event at the position it reads before', async () => {
            const { key } = await streamOfTen();
            const read = await storage().streams.readPartition(key, partitions[0]!, 0, 4, 100);
            expect(read.map((event) => event.position)).toEqual([0, 2]);
        });

        it('returns at most the limit', async () => {
            const { key } = await streamOfTen();
            const read = await storage().streams.readPartition(key, partitions[0]!, 0, 10, 3);
            expect(read.map((event) => event.position)).toEqual([0, 2, 4]);
        });

        it('returns nothing for a partition with no events', async () => {
            const { key } = await streamOfTen();
            expect(await storage().streams.readPartition(key, newGuid(), 0, 10, 100)).toEqual([]);
        });
    });
}
