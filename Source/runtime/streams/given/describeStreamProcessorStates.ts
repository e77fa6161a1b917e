import { describe, expect, it } from 'vitest';
import { newGuid } from '../../guids/index.js';
import type { FailingPartition, PartitionedStreamProcessorState, UnpartitionedStreamProcessorState } from '../StreamProcessorState.js';
import type { StreamStorageUnderTest } from './StreamStorageUnderTest.js';
import { newProcessorKey } from './streamKeys.js';

const neverRetry = Number.MAX_SAFE_INTEGER;
const processing: UnpartitionedStreamProcessorState = { partitioned: false, position: 12, lastSuccessfullyProcessed: 1_700_000_000_123, failure: undefined };
const failing: UnpartitionedStreamProcessorState = {
    ...processing,
    failure: { reason: 'The kitchen is closed: "no chefs" ✗', attempts: 3, retryTime: 1_700_000_060_000, lastFailed: 1_700_000_000_456 },
};
const failingPartition = (position: number, retryTime = 1_700_000_030_000): FailingPartition => ({
    position,
    reason: `Failed at ${position}`,
    attempts: position % 4,
    retryTime,
    lastFailed: 1_700_000_000_000 + position,
});

/** The behaviour of stream processor states. */
export function describeStreamProcessorStates(storage: () => StreamStorageUnderTest): void {
    describe('when keeping an unpartitioned stream processor state', () => {
        it('has no state for a processor that never saved one', async () => {
            expect(await storage().streams.state(newProcessorKey())).toBeUndefined();
        });

        it('reads back a state without a failure', async () => {
            const key = newProcessorKey();
            await storage().streams.saveState(key, processing);
            expect(await storage().streams.state(key)).toEqual(processing);
        });

        it('reads back a failure with its reason, attempts and times', async () => {
            const key = newProcessorKey();
            await storage().streams.saveState(key, failing);
            expect(await storage().streams.state(key)).toEqual(failing);
        });

        it('reads back a failure that is never to be retried', async () => {
            const key = newProcessorKey();
            const state = { ...failing, failure: { ...failing.failure!, retryTime: neverRetry } };
            await storage().streams.saveState(key, state);
            expect(await storage().streams.state(key)).toEqual(state);
        });

        it('forgets the failure when a state without one is saved', async () => {
            const key = newProcessorKey();
            await storage().streams.saveState(key, failing);
            await storage().streams.saveState(key, { ...processing, position: 13 });
            expect(await storage().streams.state(key)).toEqual({ ...processing, position: 13 });
        });
    });

    describe('when keeping a partitioned stream processor state', () => {
        const [first, second, third] = [newGuid(), newGuid(), newGuid()];
        const partitioned = (failingPartitions: ReadonlyMap<typeof first, FailingPartition>): PartitionedStreamProcessorState =>
            ({ partitioned: true, position: 40, lastSuccessfullyProcessed: 1_700_000_000_789, failingPartitions });

        it('reads back a state without failing partitions', async () => {
            const key = newProcessorKey();
            await storage().streams.saveState(key, partitioned(new Map()));
            expect(await storage().streams.state(key)).toEqual(partitioned(new Map()));
        });

        it('reads back its failing partitions', async () => {
            const key = newProcessorKey();
            const state = partitioned(new Map([[first, failingPartition(3)], [second, failingPartition(7, neverRetry)]]));
            await storage().streams.saveState(key, state);
            expect(await storage().streams.state(key)).toEqual(state);
        });

        it('keeps exactly the failing partitions of the last save', async () => {
            const key = newProcessorKey();
            await storage().streams.saveState(key, partitioned(new Map([[first, failingPartition(3)], [second, failingPartition(7)]])));
            const state = partitioned(new Map([[second, failingPartition(9)], [third, failingPartition(11)]]));
            await storage().streams.saveState(key, state);
            expect(await storage().streams.state(key)).toEqual(state);
        });

        it('drops the failing partitions when the processor is saved as unpartitioned', async () => {
            const key = newProcessorKey();
            await storage().streams.saveState(key, partitioned(new Map([[first, failingPartition(3)]])));
            await storage().streams.saveState(key, processing);
            await storage().streams.saveState(key, partitioned(new Map()));
            expect(await storage().streams.state(key)).toEqual(partitioned(new Map()));
        });
    });
}
