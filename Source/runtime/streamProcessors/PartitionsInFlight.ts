import type { Guid } from '../guids/index.js';
import type { FailingPartition, PartitionedStreamProcessorState, StreamEvent } from '../streams/index.js';
import { streamProcessorLogMessages as messages } from './logMessages.js';
import { retryTimeFor } from './retryTimeFor.js';
import type { StepContext } from './StreamProcessor.js';

/** How many partitions of a partitioned event handler may have an event in flight at once. */
export const partitionsInFlightAtMost = 100;

/**
 * The main pass of a partitioned processor over one batch, with several partitions in flight: each partition has at
 * most one event in flight, and the next of its events waits behind it, so the order within a partition is kept. An
 * event of a failing partition is passed over (it waits behind the failed one); a partition whose event fails is
 * parked alone, while the others go on. The state's position is the low-water mark: the lowest position not yet
 * completed, so a restart never passes over an event still in flight. The pass ends when every event it started has
 * completed.
 */
export class PartitionsInFlight {
    readonly #context: StepContext;
    readonly #limit: number;
    readonly #completed = new Set<number>();
    // The partitions with an event in flight, each with its events read meanwhile, in order.
    readonly #busy = new Map<Guid, StreamEvent[]>();
    #state: PartitionedStreamProcessorState;
    #completion: (() => void) | undefined;
    #failure: { readonly error: unknown } | undefined;

    private constructor(state: PartitionedStreamProcessorState, context: StepContext, limit: number) {
        this.#state = state;
        this.#context = context;
        this.#limit = limit;
    }

    /** Processes a batch read from the state's position on, with up to `limit` partitions in flight; returns the state after it. */
    static async process(state: PartitionedStreamProcessorState, events: ReadonlyArray<StreamEvent>, context: StepContext, limit: number): Promise<PartitionedStreamProcessorState> {
        return new PartitionsInFlight(state, context, limit).#process(events);
    }

    async #process(events: ReadonlyArray<StreamEvent>): Promise<PartitionedStreamProcessorState> {
        let expected = this.#state.position;
        for (const event of events) {
            if (event.position !== expected || !(await this.#roomFor(event.position))) {
                break;
            }
            expected = event.position + 1;
            const waiting = this.#busy.get(event.partition);
            if (this.#state.failingPartitions.has(event.partition)) {
                await this.#passOver(event.position);
            } else if (waiting !== undefined) {
                waiting.push(event);
            } else {
                this.#busy.set(event.partition, []);
                void this.#handle(event);
            }
        }
        while (this.#busy.size > 0) {
            await this.#nextCompletion();
        }
        if (this.#failure !== undefined) {
            throw this.#failure.error;
        }
        return this.#state;
    }

    /** Waits until an event at the position may be handed and a partition may go in flight; false when the pass must stop. */
    async #roomFor(position: number): Promise<boolean> {
        for (;;) {
            if (this.#context.signal.aborted || this.#failure !== undefined) {
                return false;
            }
            if (this.#busy.size < this.#limit) {
                try {
                    if (await this.#context.roomFor(position, this.#busy.size)) {
                        return true;
                    }
                } catch (error) {
                    this.#failure ??= { error };
                    return false;
                }
            }
            // With nothing in flight any more, the next round writes the newest state and so makes room.
            if (this.#busy.size > 0) {
                await this.#nextCompletion();
            }
        }
    }

    // Hands a partition's events to the head one at a time, starting with `first`, until none waits behind.
    async #handle(first: StreamEvent): Promise<void> {
        const context = this.#context;
        const partition = first.partition;
        try {
            for (let event: StreamEvent | undefined = first; event !== undefined; event = this.#busy.get(partition)?.shift()) {
                if (context.signal.aborted || this.#failure !== undefined) {
                    return;
                }
                const outcome = await context.process(event, undefined);
                if (context.signal.aborted) {
                    return;
                }
                const now = context.now();
                if (!outcome.succeeded) {
                    await this.#park(event, outcome, now);
                    return;
                }
                this.#complete(event.position, { lastSuccessfullyProcessed: now });
                await context.progress(this.#state, outcome);
                context.processed(event);
            }
        } catch (error) {
            this.#failure ??= { error };
        } finally {
            this.#busy.delete(partition);
            const completion = this.#completion;
            this.#completion = undefined;
            completion?.();
        }
    }

    async #park(event: StreamEvent, outcome: Parameters<typeof retryTimeFor>[0], now: number): Promise<void> {
        const retryTime = retryTimeFor(outcome, now);
        const failing: FailingPartition = { position: event.position, reason: outcome.reason, attempts: 1, retryTime, lastFailed: now };
        const partitions = new Map(this.#state.failingPartitions);
        partitions.set(event.partition, failing);
        // The partition's events read meanwhile wait behind the failed one: they are read again when it is retried.
        const behind = this.#busy.get(event.partition) ?? [];
        this.#busy.set(event.partition, []);
        this.#state = { ...this.#state, failingPartitions: partitions };
        for (const waiting of [event, ...behind]) {
            this.#complete(waiting.position, {});
        }
        await this.#context.write(this.#state);
        this.#context.logger.log(messages.partitionFailed, {
            partition: event.partition,
            position: event.position,
            eventLogSequenceNumber: event.event.sequenceNumber,
            reason: outcome.reason,
            retryIn: outcome.retry ? retryTime - now : 'never (until the head registers again)',
        });
    }

    // An event of a failing partition waits behind the failed one: the main position moves over it.
    async #passOver(position: number): Promise<void> {
        this.#complete(position, {});
        try {
            await this.#context.progress(this.#state);
        } catch (error) {
            this.#failure ??= { error };
        }
    }

    // Marks a position done and moves the low-water mark over every done position after it.
    #complete(position: number, changes: Partial<Pick<PartitionedStreamProcessorState, 'lastSuccessfullyProcessed'>>): void {
        this.#completed.add(position);
        let lowest = this.#state.position;
        while (this.#completed.delete(lowest)) {
            lowest++;
        }
        this.#state = { ...this.#state, ...changes, position: lowest };
    }

    #nextCompletion(): Promise<void> {
        return new Promise((resolve) => {
            this.#completion = resolve;
        });
    }
}
