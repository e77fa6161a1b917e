import type { Guid } from '../../guids/index.js';
import type { StreamProcessorKey } from '../StreamProcessorKey.js';
import type { FailingPartition, StreamProcessorState } from '../StreamProcessorState.js';

/** A failing partition as the state query aggregates it (json_agg turns bigint into JSON numbers). */
type FailingPartitionJson = {
    readonly partition: string;
    readonly position: number;
    readonly retry_time: number;
    readonly reason: string;
    readonly processing_attempts: number;
    readonly last_failed: number;
};

/** One stream_processor_states row with its failing partitions; the driver returns bigint columns as text. */
export type ProcessorStateRow = {
    readonly partitioned: boolean;
    readonly position: string;
    readonly last_successfully_processed: string;
    readonly is_failing: boolean;
    readonly failure_reason: string;
    readonly processing_attempts: number;
    readonly retry_time: string;
    readonly last_failed: string;
    readonly failing_partitions: ReadonlyArray<FailingPartitionJson>;
};

/** The parameters that save the processor row: its key, then its columns. */
export function stateToParameters(key: StreamProcessorKey, state: StreamProcessorState): unknown[] {
    const failure = state.partitioned ? undefined : state.failure;
    return [
        key.scope,
        key.processorId,
        key.sourceStreamId,
        state.partitioned,
        state.position,
        state.lastSuccessfullyProcessed,
        failure !== undefined,
        failure?.reason ?? '',
        failure?.attempts ?? 0,
        failure?.retryTime ?? 0,
        failure?.lastFailed ?? 0,
    ];
}

/**
 * The parameters that follow the processor row's when the state has failing partitions: one array per column,
 * so that any number of them is saved in the same statement; undefined when there are none to save.
 */
export function failingPartitionsToParameters(state: StreamProcessorState): unknown[] | undefined {
    if (!state.partitioned || state.failingPartitions.size === 0) {
        return undefined;
    }
    const partitions = [...state.failingPartitions];
    return [
        partitions.map(([partition]) => partition),
        partitions.map(([, failing]) => failing.position),
        partitions.map(([, failing]) => failing.retryTime),
        partitions.map(([, failing]) => failing.reason),
        partitions.map(([, failing]) => failing.attempts),
        partitions.map(([, failing]) => failing.lastFailed),
    ];
}

/** A stream processor state read back from its row. */
export function stateFromRow(row: ProcessorStateRow): StreamProcessorState {
    if (row.partitioned) {
        return {
            partitioned: true,
            position: Number(row.position),
            lastSuccessfullyProcessed: Number(row.last_successfully_processed),
            failingPartitions: new Map(row.failing_partitions.map((partition) => [partition.partition as Guid, failingPartitionFromJson(partition)])),
        };
    }
    return {
        partitioned: false,
        position: Number(row.position),
        lastSuccessfullyProcessed: Number(row.last_successfully_processed),
        failure: row.is_failing
            ? { reason: row.failure_reason, attempts: row.processing_attempts, retryTime: Number(row.retry_time), lastFailed: Number(row.last_failed) }
            : undefined,
    };
}

function failingPartitionFromJson(json: FailingPartitionJson): FailingPartition {
    return { position: json.position, reason: json.reason, attempts: json.processing_attempts, retryTime: json.retry_time, lastFailed: json.last_failed };
}
