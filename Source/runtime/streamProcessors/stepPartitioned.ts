import type { Guid } from '../guids/index.js';
import type { FailingPartition, PartitionedStreamProcessorState } from '../streams/index.js';
import { streamProcessorLogMessages as messages } from './logMessages.js';
import { PartitionsInFlight } from './PartitionsInFlight.js';
import { retryTimeFor } from './retryTimeFor.js';
import type { StepContext, StepResult } from './StreamProcessor.js';

/**
 * One step of a partitioned processor: first retries the failing partitions whose retry time has come (their
 * waiting events in order, up to the main position), then processes the next batch with several partitions in
 * flight (see PartitionsInFlight): events of failing partitions are passed over (they wait behind the failed one),
 * and a partition is parked when one of its events fails.
 */
export async function stepPartitioned(initial: PartitionedStreamProcessorState, context: StepContext): Promise<StepResult> {
    let state = initial;
    for (const [partition, failing] of initial.failingPartitions) {
        if (context.signal.aborted) {
            return { state, progressed: false, wakeAt: context.now() };
        }
        // A partition parked while events before it were still in flight waits until the main position has passed
        // its failed event (after a restart, the main pass reaches it first and passes it over).
        if (failing.retryTime <= context.now() && failing.position < state.position) {
            state = await retryPartition(state, partition, failing, context);
        }
    }
    const events = await context.source.read(state.position, context.batchSize);
    if (events.length === 0) {
        return { state, progressed: false, wakeAt: earliestRetry(state) };
    }
    state = await PartitionsInFlight.process(state, events, context, context.partitionsInFlight);
    return { state, progressed: true, wakeAt: context.now() };
}

async function retryPartition(
    initial: PartitionedStreamProcessorState,
    partition: Guid,
    initialFailing: FailingPartition,
    context: StepContext,
): Promise<PartitionedStreamProcessorState> {
    let state = initial;
    let failing = initialFailing;
    for (;;) {
        const events = await context.source.readPartition(partition, failing.position, state.position, context.batchSize);
        if (events.length === 0) {
            state = { ...state, failingPartitions: withoutPartition(state.failingPartitions, partition) };
            await context.write(state);
            context.logger.log(messages.partitionRecovered, { partition });
            return state;
        }
        for (const event of events) {
            if (context.signal.aborted) {
                return state;
            }
            const retried = event.position === failing.position && failing.attempts > 0;
            const outcome = await context.process(event, retried ? { reason: failing.reason, attempts: failing.attempts } : undefined);
            if (context.signal.aborted) {
                return state;
            }
            const now = context.now();
            if (outcome.succeeded) {
                failing = { ...failing, position: event.position + 1, attempts: 0, retryTime: now };
                state = { ...state, lastSuccessfullyProcessed: now, failingPartitions: withPartition(state.failingPartitions, partition, failing) };
                await context.write(state, outcome);
                context.processed(event);
                continue;
            }
            const attempts = (retried ? failing.attempts : 0) + 1;
            const retryTime = retryTimeFor(outcome, now);
            failing = { position: event.position, reason: outcome.reason, attempts, retryTime, lastFailed: now };
            state = { ...state, failingPartitions: withPartition(state.failingPartitions, partition, failing) };
            await context.write(state);
            context.logger.log(messages.partitionFailed, {
                partition,
                position: event.position,
                eventLogSequenceNumber: event.event.sequenceNumber,
                reason: outcome.reason,
                attempts,
                retryIn: outcome.retry ? retryTime - now : 'never (until the head registers again)',
            });
            return state;
        }
    }
}

function earliestRetry(state: PartitionedStreamProcessorState): number {
    let earliest = Number.MAX_SAFE_INTEGER;
    for (const failing of state.failingPartitions.values()) {
        earliest = Math.min(earliest, failing.retryTime);
    }
    return earliest;
}

function withPartition(partitions: ReadonlyMap<Guid, FailingPartition>, partition: Guid, failing: FailingPartition): ReadonlyMap<Guid, FailingPartition> {
    const changed = new Map(partitions);
    changed.set(partition, failing);
    return changed;
}

function withoutPartition(partitions: ReadonlyMap<Guid, FailingPartition>, partition: Guid): ReadonlyMap<Guid, FailingPartition> {
    const changed = new Map(partitions);
    changed.delete(partition);
    return changed;
}
