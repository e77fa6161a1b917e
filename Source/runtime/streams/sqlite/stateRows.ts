import type { Guid } from '../../guids/index.js';
import type { StreamProcessorKey } from '../StreamProcessorKey.js';
import type { FailingPartition, StreamProcessorState } from '../StreamProcessorState.js';

/** One row of the embedded stream_processor_states table. */
export type ProcessorStateRow = {
    readonly partitioned: number;
    readonly position: number;
    readonly last_successfully_processed: number;
    readonly is_failing: number;
    readonly failure_reason: string;
    readonly processing_attempts: number;
    readonly retry_time: number;
    readonly last_failed: number;
};

/** One row of the embedded failing_partitions table. */
export type FailingPartitionRow = {
    readonly partition: string;
    readonly position: number;
    readonly retry_time: number;
    readonly reason: string;
    readonly processing_attempts: number;
    readonly last_failed: number;
};

/** The columns of stream_processor_states in the order stateToParameters gives them. */
export const processorStateColumns =
    'scope, processor_id, source_stream_id, partitioned, position, last_successfully_processed, is_failing, failure_reason, processing_attempts, retry_time, last_failed';

/** The parameters to upsert one stream_processor_states row. */
export function stateToParameters(key: StreamProcessorKey, state: StreamProcessorState): unknown[] {
    const failure = state.partitioned ? undefined : state.failure;
    return [
        key.scope,
        key.processorId,
        key.sourceStreamId,
        state.partitioned ? 1 : 0,
        state.position,
        state.lastSuccessfullyProcessed,
        failure === undefined ? 0 : 1,
        failure?.reason ?? '',
        failure?.attempts ?? 0,
        failure?.retryTime ?? 0,
        failure?.lastFailed ?? 0,
    ];
}

/** The columns of failing_partitions in the order failingPartitionToParameters gives them. */
export const failingPartitionColumns = 'scope, processor_id, source_stream_id, partition, position, retry_time, reason, processing_attempts, last_failed';

/** The parameters to insert one failing_partitions row. */
export function failingPartitionToParameters(key: StreamProcessorKey, partition: Guid, failing: FailingPartition): unknown[] {
    return [key.scope, key.processorId, key.sourceStreamId, partition, failing.position, failing.retryTime, failing.reason, failing.attempts, failing.lastFailed];
}

/** A stream processor state read back from its row and, when partitioned, its failing partitions' rows. */
export function stateFromRows(row: ProcessorStateRow, partitions: ReadonlyArray<FailingPartitionRow>): StreamProcessorState {
    if (row.partitioned === 1) {
        return {
            partitioned: true,
            position: row.position,
            lastSuccessfullyProcessed: row.last_successfully_processed,
            failingPartitions: new Map(partitions.map((partition) => [partition.partition as Guid, failingPartitionFromRow(partition)])),
        };
    }
    return {
        partitioned: false,
        position: row.position,
        lastSuccessfullyProcessed: row.last_successfully_processed,
        failure: row.is_failing === 1
            ? { reason: row.failure_reason, attempts: row.processing_attempts, retryTime: row.retry_time, lastFailed: row.last_failed }
            : undefined,
    };
}

function failingPartitionFromRow(row: FailingPartitionRow): FailingPartition {
    return { position: row.position, reason: row.reason, attempts: row.processing_attempts, retryTime: row.retry_time, lastFailed: row.last_failed };
}
