import type { Guid } from '../guids/index.js';
import type { FailingPartition, StreamProcessorState } from '../streams/index.js';

/** A failure of a processor an operator acts on: for an unpartitioned processor the partition is ''. */
export type FailureInState = { readonly partition: string; readonly position: number; readonly reason: string; readonly attempts: number };

/** The state after a replay from a position: failures at or after it are forgotten (their events are processed again). */
export function replayedFrom(state: StreamProcessorState, position: number): StreamProcessorState {
    if (!state.partitioned) {
        return { partitioned: false, position, lastSuccessfullyProcessed: state.lastSuccessfullyProcessed, failure: undefined };
    }
    const kept = [...state.failingPartitions].filter(([, failing]) => failing.position < position);
    return { ...state, position, failingPartitions: new Map(kept) };
}

/** The failure of a partition ('' for an unpartitioned processor), or undefined when it is not failing. */
export function failureOf(state: StreamProcessorState, partition: string): FailureInState | undefined {
    if (!state.partitioned) {
        return partition === '' && state.failure !== undefined ? { partition, position: state.position, reason: state.failure.reason, attempts: state.failure.attempts } : undefined;
    }
    const failing = state.failingPartitions.get(partition as Guid);
    return failing === undefined ? undefined : { partition, position: failing.position, reason: failing.reason, attempts: failing.attempts };
}

/** The state with the failing partition due for a retry now (its attempts and reason kept). */
export function retriedNow(state: StreamProcessorState, partition: string, now: number): StreamProcessorState {
    if (!state.partitioned) {
        return state.failure === undefined ? state : { ...state, failure: { ...state.failure, retryTime: now } };
    }
    return withFailingPartition(state, partition, (failing) => ({ ...failing, retryTime: now }));
}

/**
 * The state with the failing event of a partition skipped: an unpartitioned processor moves past it; a failing
 * partition goes on with its next waiting event now, with no attempts counted (it recovers when none waits).
 */
export function skipped(state: StreamProcessorState, partition: string, now: number): StreamProcessorState {
    if (!state.partitioned) {
        return state.failure === undefined ? state : { partitioned: false, position: state.position + 1, lastSuccessfullyProcessed: state.lastSuccessfullyProcessed, failure: undefined };
    }
    return withFailingPartition(state, partition, (failing) => ({ ...failing, position: failing.position + 1, attempts: 0, retryTime: now }));
}

function withFailingPartition(
    state: Extract<StreamProcessorState, { partitioned: true }>,
    partition: string,
    change: (failing: FailingPartition) => FailingPartition,
): StreamProcessorState {
    const failing = state.failingPartitions.get(partition as Guid);
    if (failing === undefined) {
        return state;
    }
    const partitions = new Map(state.failingPartitions);
    partitions.set(partition as Guid, change(failing));
    return { ...state, failingPartitions: partitions };
}
