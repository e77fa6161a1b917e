import type { UnpartitionedStreamProcessorState } from '../streams/index.js';
import type { FailingKey, ProjectionState } from './ProjectionState.js';

/** A row of projection_failing_keys, as both backends read it (64-bit numbers as JavaScript numbers or text). */
export type FailingKeyRow = {
    readonly key: string;
    readonly position: number | string;
    readonly retry_time: number | string;
    readonly reason: string;
    readonly processing_attempts: number;
    readonly last_failed: number | string;
};

/** The failing key a stored row describes. */
export function failingKeyFromRow(row: FailingKeyRow): FailingKey {
    return { position: Number(row.position), retryTime: Number(row.retry_time), reason: row.reason, attempts: Number(row.processing_attempts), lastFailed: Number(row.last_failed) };
}

/**
 * The row a projection keeps in stream_processor_states, beside its failing keys: unpartitioned and never halted,
 * because a failure holds back only its key (see projection_failing_keys).
 */
export function processorStateOf(state: ProjectionState): UnpartitionedStreamProcessorState {
    return { partitioned: false, position: state.position, lastSuccessfullyProcessed: state.lastSuccessfullyProcessed, failure: undefined };
}
