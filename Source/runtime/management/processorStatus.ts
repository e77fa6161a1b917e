import type { dolittle } from '@dolittle-typescript/protocol';
import { initialStreamProcessorState, type ProcessingFailure, type StreamProcessorState } from '../streams/index.js';
import { neverRetry } from '../streamProcessors/index.js';
import type { Tenant } from '../tenancy/index.js';
import type { ManagedProcessor } from './ManagedProcessor.js';

type TenantProcessorStatus = dolittle.runtime.management.TenantProcessorStatus.$Properties;
type FailingPartition = dolittle.runtime.management.FailingPartition.$Properties;

/**
 * The state of a processor for one tenant as the management API shows it: position, lag, failures and skips. A
 * running processor shows the state it reached in memory (`running`), which is ahead of the stored one: positions are
 * written coalesced.
 */
export async function processorStatus(tenant: Tenant, processor: ManagedProcessor, now: number, running?: StreamProcessorState): Promise<TenantProcessorStatus> {
    const state = running ?? (await tenant.storage.streams.state(processor.key)) ?? initialStreamProcessorState(processor.partitioned);
    const head = await processor.head();
    const failing = failingPartitionsOf(state);
    const oldestWaiting = Math.min(state.position, ...failing.map((partition) => Number(partition.position)));
    const waiting = oldestWaiting < head ? await processor.eventAt(oldestWaiting) : undefined;
    const skipped = await tenant.storage.skippedEvents.of(processor.key);
    return {
        tenantId: tenant.id,
        position: state.position,
        streamHead: head,
        lagEvents: Math.max(0, head - state.position),
        lagSeconds: waiting === undefined ? 0 : Math.max(0, (now - waiting.occurred) / 1000),
        lastSuccessfullyProcessed: state.lastSuccessfullyProcessed,
        failing: failing.length > 0,
        failingPartitions: [...failing],
        skippedEvents: skipped.map((skip) => ({
            partition: skip.partition,
            position: skip.position,
            eventLogSequenceNumber: skip.eventLogSequenceNumber,
            reason: skip.reason,
            attempts: skip.attempts,
            skipped: skip.skipped,
            skippedBy: skip.skippedBy,
        })),
    };
}

function failingPartitionsOf(state: StreamProcessorState): ReadonlyArray<FailingPartition> {
    if (!state.partitioned) {
        return state.failure === undefined ? [] : [failingPartition('', state.position, state.failure)];
    }
    return [...state.failingPartitions].map(([partition, failing]) => failingPartition(partition, failing.position, failing));
}

function failingPartition(partition: string, position: number, failure: ProcessingFailure): FailingPartition {
    return {
        partition,
        position,
        reason: failure.reason,
        attempts: failure.attempts,
        nextRetry: failure.retryTime === neverRetry ? 0 : failure.retryTime,
        lastFailed: failure.lastFailed,
    };
}
