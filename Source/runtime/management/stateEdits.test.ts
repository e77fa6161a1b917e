import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import type { FailingPartition, StreamProcessorState } from '../streams/index.js';
import { failureOf, replayedFrom, retriedNow, skipped } from './stateEdits.js';

const kitchen = '5b9c5f63-8d4a-4b1e-9f5f-1a2b3c4d5e6f' as Guid;
const otherKitchen = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5' as Guid;
const failingAt = (position: number): FailingPartition => ({ position, reason: 'no beans', attempts: 3, retryTime: 9_000, lastFailed: 1_000 });
const partitioned: StreamProcessorState = {
    partitioned: true,
    position: 10,
    lastSuccessfullyProcessed: 500,
    failingPartitions: new Map([[kitchen, failingAt(2)], [otherKitchen, failingAt(7)]]),
};
const halted: StreamProcessorState = { partitioned: false, position: 4, lastSuccessfullyProcessed: 500, failure: { reason: 'no beans', attempts: 2, retryTime: 9_000, lastFailed: 1_000 } };

describe('when replaying from a position', () => {
    it('moves a partitioned processor back and forgets the failures at or after it', () => {
        expect(replayedFrom(partitioned, 5)).toEqual({ ...partitioned, position: 5, failingPartitions: new Map([[kitchen, failingAt(2)]]) });
    });
    it('moves an unpartitioned processor back and clears its failure', () => {
        expect(replayedFrom(halted, 0)).toEqual({ partitioned: false, position: 0, lastSuccessfullyProcessed: 500, failure: undefined });
    });
});

describe('when retrying a failing partition now', () => {
    it('makes its retry time now and keeps its attempts', () => {
        const retried = retriedNow(partitioned, kitchen, 2_000);
        expect(retried.partitioned && retried.failingPartitions.get(kitchen)).toEqual({ ...failingAt(2), retryTime: 2_000 });
    });
    it('makes the retry time of a halted processor now', () => {
        expect(retriedNow(halted, '', 2_000)).toEqual({ ...halted, failure: { reason: 'no beans', attempts: 2, retryTime: 2_000, lastFailed: 1_000 } });
    });
});

describe('when skipping the failing event', () => {
    it('moves the partition to its next event now, with no attempts counted', () => {
        const after = skipped(partitioned, kitchen, 2_000);
        expect(after.partitioned && after.failingPartitions.get(kitchen)).toEqual({ ...failingAt(2), position: 3, attempts: 0, retryTime: 2_000 });
    });
    it('moves a halted processor past the event and clears its failure', () => {
        expect(skipped(halted, '', 2_000)).toEqual({ partitioned: false, position: 5, lastSuccessfullyProcessed: 500, failure: undefined });
    });
});

describe('when asking for the failure of a partition', () => {
    it('finds a failing partition', () => expect(failureOf(partitioned, otherKitchen)).toEqual({ partition: otherKitchen, position: 7, reason: 'no beans', attempts: 3 }));
    it('finds nothing for a partition that does not fail', () => expect(failureOf(partitioned, '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a')).toBeUndefined());
    it('finds the failure of a halted processor under the empty partition', () => expect(failureOf(halted, '')).toEqual({ partition: '', position: 4, reason: 'no beans', attempts: 2 }));
});
