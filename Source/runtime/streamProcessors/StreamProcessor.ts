import type { Logger } from '../logging/index.js';
import type { ProcessorMetrics } from '../metrics/index.js';
import {
    initialStreamProcessorState,
    streamKeyText,
    type StreamChanges,
    type StreamEvent,
    type StreamKey,
    type StreamProcessorKey,
    type StreamProcessorState,
    type StreamStorage,
} from '../streams/index.js';
import type { EventProcessor, ProcessingOutcome } from './EventProcessor.js';
import { streamProcessorLogMessages as messages } from './logMessages.js';
import { stepPartitioned } from './stepPartitioned.js';
import { stepUnpartitioned } from './stepUnpartitioned.js';
import type { StreamSource } from './StreamSource.js';
import { ProcessingLoop } from './ProcessingLoop.js';
import { neverRetry } from './retryTimeFor.js';
import { repeatUntilStopped } from './repeatUntilStopped.js';
import { saveUntilStored } from './saveUntilStored.js';
import { StorageFailureLog } from './StorageFailureLog.js';
import { measureProcessing, progressOf, watchProcessor } from './watchProcessor.js';
import type { EditableProcessor } from './EditableProcessors.js';
import { ProcessorEdits } from './ProcessorEdits.js';

/** How long a processor with nothing to do sleeps before it looks again, should a wake-up be missed. */
const pollFallback = 60_000;

/** What a processor needs to run. */
export type StreamProcessorOptions = {
    readonly key: StreamProcessorKey;
    readonly partitioned: boolean;
    readonly source: StreamSource;
    readonly processor: EventProcessor;
    readonly streams: StreamStorage;
    readonly changes: StreamChanges;
    /** For filters: the stream the chosen events are appended to, atomically with the processor's position. */
    readonly output?: StreamKey;
    readonly logger: Logger;
    /** Stops the processor when it aborts, e.g. when the head's connection ends. */
    readonly stopWhen?: AbortSignal;
    readonly batchSize?: number;
    readonly clock?: () => number;
    /** Where the processor reports processed events, failures, its lag and its storage failures. */
    readonly metrics?: ProcessorMetrics;
    /** Where an operator's edits (replay, retry, skip) reach this processor while it runs. */
    readonly editable?: EditableProcessor;
};

/** The result of one step: whether it moved on, and otherwise when there is reason to look again. */
export type StepResult = { readonly state: StreamProcessorState; readonly progressed: boolean; readonly wakeAt: number };

/** What a step may use: reading, processing and persisting, bound to one processor. */
export type StepContext = {
    readonly source: StreamSource;
    readonly batchSize: number;
    readonly signal: AbortSignal;
    readonly logger: Logger;
    now(): number;
    process(event: StreamEvent, retry: { reason: string; attempts: number } | undefined): Promise<ProcessingOutcome>;
    save(state: StreamProcessorState, outcome?: ProcessingOutcome): Promise<void>;
    /** Logs (at trace) that an event was processed and its position persisted. */
    processed(event: StreamEvent): void;
};

/**
 * Runs one processor over one stream for one tenant: reads in batches from its persisted position, hands each
 * event to the processor one at a time, persists the position after each event, and on failure halts (or, when
 * partitioned, parks the failing partition) until the retry time. Woken at once by StreamChanges.
 */
export class StreamProcessor {
    readonly #options: StreamProcessorOptions;
    readonly #clock: () => number;
    readonly #loop: ProcessingLoop;
    // The state the loop works from, for the lag metrics; undefined until read and while it is re-read.
    #state: StreamProcessorState | undefined;

    /** Creates the processor; nothing runs until start(). */
    constructor(options: StreamProcessorOptions) {
        this.#options = options;
        this.#clock = options.clock ?? Date.now;
        this.#loop = new ProcessingLoop((signal) => this.#run(signal), options.stopWhen);
    }

    /** Starts processing in the background. */
    start(): void {
        this.#loop.start();
    }

    /** Stops processing; the event in flight is not marked processed (it is delivered again next time). */
    stop(): Promise<void> {
        return this.#loop.stop();
    }

    async #run(signal: AbortSignal): Promise<void> {
        const { key, logger, changes, source, metrics } = this.#options;
        logger.log(messages.started);
        const edits = new ProcessorEdits<StreamProcessorState>(signal);
        const removeEdits = this.#options.editable?.processors.add(this.#options.editable.tenant, key, edits);
        let state: StreamProcessorState | undefined;
        let started = false;
        const failures = new StorageFailureLog(logger, { unavailable: messages.storeUnavailable, available: messages.storeAvailable, failed: messages.failed }, metrics?.storage);
        const unwatch = watchProcessor(metrics, source, () => progressOf(this.#state));
        await repeatUntilStopped(
            signal,
            failures,
            async () => {
                if (state === undefined) {
                    const stored = (await this.#options.streams.state(key)) ?? initialStreamProcessorState(this.#options.partitioned);
                    state = started ? stored : this.#retryNeverRetriedOnStart(stored);
                    started = true;
                }
                state = await edits.apply(state);
                const version = changes.version(source.changes);
                const context = this.#context(signal, failures);
                this.#state = state;
                const result = state.partitioned ? await stepPartitioned(state, context) : await stepUnpartitioned(state, context);
                state = result.state;
                this.#state = state;
                failures.succeeded();
                if (!result.progressed && !signal.aborted) {
                    const wait = Math.min(result.wakeAt - this.#clock(), pollFallback);
                    await changes.waitForChange(source.changes, version, wait, edits.waiting);
                    if (isFailing(state)) {
                        // Re-read a failing processor's state before retrying, so an operator's edit of the stored
                        // retry time or position takes effect (as in the original Runtime).
                        state = undefined;
                    }
                }
            },
            () => {
                state = undefined;
            },
        );
        unwatch();
        removeEdits?.();
        edits.stop();
        logger.log(messages.stopped);
    }

    #context(signal: AbortSignal, failures: StorageFailureLog): StepContext {
        const { processor, streams, key, output, changes, source, logger } = this.#options;
        return {
            source,
            batchSize: this.#options.batchSize ?? 500,
            signal,
            logger,
            now: this.#clock,
            process: (event, retry) => measureProcessing(this.#options.metrics, () => processor.process(event, retry, signal)),
            processed: (event) => {
                if (logger.isEnabled(messages.processed)) {
                    logger.log(messages.processed, { position: event.position, partition: event.partition, eventLogSequenceNumber: event.event.sequenceNumber });
                }
            },
            save: async (state, outcome) => {
                const chosen = outcome?.succeeded === true ? outcome.output : undefined;
                if (output !== undefined && chosen !== undefined) {
                    await streams.appendAndSaveState(output, [chosen], key, state);
                    changes.changed(streamKeyText(output));
                } else {
                    await saveUntilStored(() => streams.saveState(key, state), failures, signal);
                }
                this.#state = state;
            },
        };
    }

    // A head that asked never to retry an event gets one more attempt when it registers again.
    #retryNeverRetriedOnStart(state: StreamProcessorState): StreamProcessorState {
        const now = this.#clock();
        if (!state.partitioned) {
            return state.failure?.retryTime === neverRetry ? { ...state, failure: { ...state.failure, retryTime: now } } : state;
        }
        const partitions = new Map(
            [...state.failingPartitions].map(([partition, failing]) => [partition, failing.retryTime === neverRetry ? { ...failing, retryTime: now } : failing]),
        );
        return { ...state, failingPartitions: partitions };
    }
}

function isFailing(state: StreamProcessorState): boolean {
    return state.partitioned ? state.failingPartitions.size > 0 : state.failure !== undefined;
}
