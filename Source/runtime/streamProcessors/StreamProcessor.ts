import type { Logger } from '../logging/index.js';
import type { ProcessorMetrics } from '../metrics/index.js';
import {
    initialStreamProcessorState,
    streamKeyText,
    type StreamChanges,
    type FilteredEvent,
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
import { nextTurn } from './nextTurn.js';
import { readingAhead } from './readingAhead.js';
import { saveUntilStored } from './saveUntilStored.js';
import { partitionsInFlightAtMost } from './PartitionsInFlight.js';
import { StateWriter } from './StateWriter.js';
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
    /** How many partitions a partitioned step may have in flight at once. */
    readonly partitionsInFlight: number;
    now(): number;
    process(event: StreamEvent, retry: { reason: string; attempts: number } | undefined): Promise<ProcessingOutcome>;
    /** Moves the processor on after an event: written coalesced, except a filter's chosen event, appended at once with it. */
    progress(state: StreamProcessorState, outcome?: ProcessingOutcome): Promise<void>;
    /** Writes a state at once (a failure, a parked or a recovered partition) and resolves once it is stored. */
    write(state: StreamProcessorState, outcome?: ProcessingOutcome): Promise<void>;
    /**
     * Resolves true once an event at the position may be handed to the head: at once, or after the write under way,
     * or (with no event in flight) after writing the newest state; false when events in flight must complete first.
     */
    roomFor(position: number, inFlight: number): Promise<boolean>;
    /** Logs (at trace) that an event was processed. */
    processed(event: StreamEvent): void;
};

/**
 * Runs one processor over one stream for one tenant: reads in batches from its persisted position, hands the events to
 * the processor (one at a time; a partitioned event handler one per partition, several partitions at once), keeps its
 * position in memory and writes it coalesced (see StateWriter), and on failure halts (or, when partitioned, parks the
 * failing partition) until the retry time. Woken at once by StreamChanges.
 */
export class StreamProcessor {
    readonly #options: StreamProcessorOptions;
    readonly #clock: () => number;
    readonly #loop: ProcessingLoop;
    // Holds the state the processor reached (for the lag metrics and the management API) and writes it; undefined
    // until the stored state is read and while it is read again.
    #writer: StateWriter | undefined;

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

    /**
     * Stops processing and writes the position reached; the events in flight are not marked processed (they are
     * delivered again next time).
     */
    stop(): Promise<void> {
        return this.#loop.stop();
    }

    async #run(signal: AbortSignal): Promise<void> {
        const { key, logger, changes, source, metrics, streams } = this.#options;
        logger.log(messages.started);
        const edits = new ProcessorEdits<StreamProcessorState>(signal);
        const removeEdits = this.#options.editable?.processors.add(this.#options.editable.tenant, key, edits, () => this.#writer?.latest);
        let state: StreamProcessorState | undefined;
        let started = false;
        const failures = new StorageFailureLog(logger, { unavailable: messages.storeUnavailable, available: messages.storeAvailable, failed: messages.failed }, metrics?.storage);
        const unwatch = watchProcessor(metrics, source, () => progressOf(this.#writer?.latest));
        const readSource = readingAhead(source);
        const writerFor = (stored: StreamProcessorState) => new StateWriter(stored, { save: (written) => streams.saveState(key, written), failures, signal });
        await repeatUntilStopped(
            signal,
            failures,
            async () => {
                if (state === undefined) {
                    await this.#storeReached(failures, signal);
                    const stored = (await streams.state(key)) ?? initialStreamProcessorState(this.#options.partitioned);
                    state = started ? stored : this.#retryNeverRetriedOnStart(stored);
                    started = true;
                    this.#writer = writerFor(stored);
                }
                const writer = this.#writer ?? writerFor(state);
                if (edits.pending) {
                    // An operator's edit reads the state and writes its own: the positions reached are stored first.
                    await writer.flush();
                    const edited = await edits.apply(state);
                    if (edited !== state) {
                        writer.stored(edited);
                        state = edited;
                    }
                }
                const version = changes.version(source.changes);
                const context = this.#context(signal, writer, readSource);
                const result = state.partitioned ? await stepPartitioned(state, context) : await stepUnpartitioned(state, context);
                state = result.state;
                failures.succeeded();
                if (result.progressed) {
                    await nextTurn();
                    return;
                }
                if (!signal.aborted) {
                    await writer.flush();
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
        await this.#storeOnStop(failures, signal);
        unwatch();
        removeEdits?.();
        edits.stop();
        logger.log(messages.stopped);
    }

    /**
     * Before the state is read again (after a failed round, or to see an operator's edit of a failing processor), the
     * state reached is stored: reading an older one would hand the head events again over the same connection. A write
     * of the writer before, still under way, would also land after the read.
     */
    async #storeReached(failures: StorageFailureLog, signal: AbortSignal): Promise<void> {
        const previous = this.#writer;
        this.#writer = undefined;
        if (previous === undefined) {
            return;
        }
        await previous.settle();
        if (previous.unstored) {
            await saveUntilStored(() => this.#options.streams.saveState(this.#options.key, previous.latest), failures, signal);
        }
    }

    // The positions reached are written when the processor stops, so a head that registers again goes on from there.
    async #storeOnStop(failures: StorageFailureLog, signal: AbortSignal): Promise<void> {
        try {
            await this.#storeReached(failures, signal);
        } catch (error) {
            failures.failed(error);
        }
    }

    #context(signal: AbortSignal, writer: StateWriter, source: StreamSource): StepContext {
        const { processor, streams, key, output, changes, logger } = this.#options;
        const appended = async (state: StreamProcessorState, chosen: FilteredEvent) => {
            await writer.writeWith(state, async (written) => {
                await streams.appendAndSaveState(output!, [chosen], key, written);
            });
            changes.changed(streamKeyText(output!));
        };
        const chosenOf = (outcome: ProcessingOutcome | undefined) => (output !== undefined && outcome?.succeeded === true ? outcome.output : undefined);
        return {
            source,
            batchSize: this.#options.batchSize ?? 500,
            signal,
            logger,
            // A filter appends what it chooses in stream order, so it keeps one event in flight.
            partitionsInFlight: output === undefined ? partitionsInFlightAtMost : 1,
            now: this.#clock,
            process: (event, retry) => measureProcessing(this.#options.metrics, () => processor.process(event, retry, signal)),
            processed: (event) => {
                if (logger.isEnabled(messages.processed)) {
                    logger.log(messages.processed, { position: event.position, partition: event.partition, eventLogSequenceNumber: event.event.sequenceNumber });
                }
            },
            progress: async (state, outcome) => {
                const chosen = chosenOf(outcome);
                if (chosen !== undefined) {
                    await appended(state, chosen);
                    return;
                }
                writer.update(state);
            },
            write: async (state, outcome) => {
                const chosen = chosenOf(outcome);
                if (chosen !== undefined) {
                    await appended(state, chosen);
                    return;
                }
                await writer.write(state);
            },
            roomFor: async (position, inFlight) => {
                if (writer.mayHand(position)) {
                    return true;
                }
                // With events in flight, the writer's own writes (every 50 positions) move the stored position on; a
                // write forced here at every completion would cost a write per event.
                await (inFlight === 0 ? writer.flush() : writer.writeUnderWay());
                return writer.mayHand(position);
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
