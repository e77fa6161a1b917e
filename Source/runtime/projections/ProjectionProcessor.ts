import { emptyGuid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import {
    neverRetry,
    ProcessingLoop,
    ProcessorEdits,
    repeatUntilStopped,
    StorageFailureLog,
    type EditableProcessor,
    type RetryState,
    type StreamSource,
} from '../streamProcessors/index.js';
import type { StreamChanges, StreamEvent, StreamProcessorKey, StreamProcessorState, StreamStorage, UnpartitionedStreamProcessorState } from '../streams/index.js';
import { askHeadToProject, type AskHead, type CurrentState, type ProjectionOutcome } from './HeadProjection.js';
import { keyOf } from './keyOf.js';
import { projectionLogMessages as messages } from './logMessages.js';
import type { KeySelector, ProjectionDefinition } from './ProjectionDefinition.js';
import type { ProjectionStorage, ReadModelChange } from './ProjectionStorage.js';

/** How long a processor with nothing to do sleeps before it looks again, should a wake-up be missed. */
const pollFallback = 60_000;

/** What a projection's processor needs to run for one tenant. */
export type ProjectionProcessorOptions = {
    readonly definition: ProjectionDefinition;
    /** The scope's event log, as a stream. */
    readonly source: StreamSource;
    readonly projections: ProjectionStorage;
    readonly streams: StreamStorage;
    readonly changes: StreamChanges;
    readonly askHead: AskHead;
    readonly logger: Logger;
    /** Stops the processor when it aborts, e.g. when the head's connection ends. */
    readonly stopWhen?: AbortSignal;
    readonly batchSize?: number;
    readonly clock?: () => number;
    /** Where an operator's edits (a replay) reach this processor while it runs. */
    readonly editable?: EditableProcessor;
};

/** The key of a projection's processor state: (scope, projection id, the event log). */
export function projectionProcessorKey(definition: ProjectionDefinition): StreamProcessorKey {
    return { scope: definition.scope, processorId: definition.projectionId, sourceStreamId: emptyGuid };
}

type Failed = { readonly position: number; readonly outcome: Extract<ProjectionOutcome, { succeeded: false }> };
type Applied = { readonly position: number; readonly change: ReadModelChange };

/**
 * Runs a projection over a scope's event log for one tenant. It reads a batch of events, asks the head about the
 * matching ones with several keys in flight (each key's events in order, one at a time), and commits the batch's
 * read-model changes together with the position after them in one storage transaction: a crash leaves both or
 * neither, so no event is applied twice and none is skipped. When an event fails, the changes of the events before
 * it are committed with the failure at its position, and the processor waits there until the retry time the head
 * asked for; the events after it, whatever their key, wait too (the position is one for the whole log).
 */
export class ProjectionProcessor {
    readonly #options: ProjectionProcessorOptions;
    readonly #key: StreamProcessorKey;
    readonly #selectors: ReadonlyMap<string, KeySelector>;
    readonly #clock: () => number;
    readonly #loop: ProcessingLoop;

    /** Creates the processor; nothing runs until start(). */
    constructor(options: ProjectionProcessorOptions) {
        this.#options = options;
        this.#key = projectionProcessorKey(options.definition);
        this.#selectors = new Map(options.definition.selectors.map((selector) => [selector.eventType, selector.keySelector]));
        this.#clock = options.clock ?? Date.now;
        this.#loop = new ProcessingLoop((signal) => this.#run(signal), options.stopWhen);
    }

    /** Starts processing in the background. */
    start(): void {
        this.#loop.start();
    }

    /** Stops processing; the changes of a batch in flight are not committed (its events are projected again next time). */
    stop(): Promise<void> {
        return this.#loop.stop();
    }

    async #run(signal: AbortSignal): Promise<void> {
        const { logger, changes, source, streams } = this.#options;
        logger.log(messages.started);
        const edits = new ProcessorEdits<StreamProcessorState>(signal);
        const removeEdits = this.#options.editable?.processors.add(this.#options.editable.tenant, this.#key, edits);
        let state: UnpartitionedStreamProcessorState | undefined;
        let started = false;
        const failures = new StorageFailureLog(logger, { unavailable: messages.storeUnavailable, available: messages.storeAvailable, failed: messages.storageFailed });
        await repeatUntilStopped(
            signal,
            failures,
            async () => {
                if (state === undefined) {
                    const stored = unpartitioned(await streams.state(this.#key));
                    // A head that asked never to retry an event gets one more attempt when it registers again.
                    state = !started && stored.failure?.retryTime === neverRetry ? { ...stored, failure: { ...stored.failure, retryTime: this.#clock() } } : stored;
                    started = true;
                }
                state = unpartitioned(await edits.apply(state));
                const version = changes.version(source.changes);
                const result = await this.#step(state, signal);
                state = result.state;
                failures.succeeded();
                if (!result.progressed && !signal.aborted) {
                    await changes.waitForChange(source.changes, version, Math.min(result.wakeAt - this.#clock(), pollFallback), edits.waiting);
                    if (state.failure !== undefined) {
                        // Re-read a failing processor's state before retrying, so that an operator's edit takes effect.
                        state = undefined;
                    }
                }
            },
            () => {
                state = undefined;
            },
        );
        removeEdits?.();
        edits.stop();
        logger.log(messages.stopped);
    }

    async #step(
        initial: UnpartitionedStreamProcessorState,
        signal: AbortSignal,
    ): Promise<{ readonly state: UnpartitionedStreamProcessorState; readonly progressed: boolean; readonly wakeAt: number }> {
        const { source, definition, projections, logger } = this.#options;
        const retrying = initial.failure;
        if (retrying !== undefined && retrying.retryTime > this.#clock()) {
            return { state: initial, progressed: false, wakeAt: retrying.retryTime };
        }
        const events = await source.read(initial.position, this.#options.batchSize ?? 2_000);
        if (events.length === 0) {
            return { state: initial, progressed: false, wakeAt: Number.MAX_SAFE_INTEGER };
        }
        const batch = this.#eventsByKey(events, initial.position);
        const retry: RetryState | undefined = retrying === undefined ? undefined : { reason: retrying.reason, attempts: retrying.attempts };
        let failed: Failed | undefined = batch.failed;
        const applied: Applied[] = [];
        const storedStates = await projections.readModelsOf(definition.scope, definition.projectionId, [...batch.keys.keys()]);
        await Promise.all(
            [...batch.keys].map(async ([key, keyEvents]) => {
                const stored = storedStates.get(key);
                let current: CurrentState = stored === undefined ? { key, state: definition.initialState, persisted: false } : { key, state: stored, persisted: true };
                for (const event of keyEvents) {
                    // Events after a failed one are not committed in this batch: asking about them would be wasted.
                    if (signal.aborted || (failed !== undefined && failed.position < event.position)) {
                        return;
                    }
                    const outcome = await askHeadToProject(this.#options.askHead, definition.scope, event, current, event.position === initial.position ? retry : undefined, signal);
                    if (!outcome.succeeded) {
                        if (failed === undefined || event.position < failed.position) {
                            failed = { position: event.position, outcome };
                        }
                        return;
                    }
                    applied.push({ position: event.position, change: { key, state: outcome.state } });
                    current = outcome.state === undefined ? { key, state: definition.initialState, persisted: false } : { key, state: outcome.state, persisted: true };
                }
            }),
        );
        signal.throwIfAborted();
        const now = this.#clock();
        const committed = applied.filter((change) => failed === undefined || change.position < failed.position).sort((left, right) => left.position - right.position);
        const lastSuccessfullyProcessed = committed.length > 0 ? now : initial.lastSuccessfullyProcessed;
        if (failed !== undefined) {
            const attempts = retrying !== undefined && failed.position === initial.position ? retrying.attempts + 1 : 1;
            const retryTime = failed.outcome.retry ? now + Math.max(0, failed.outcome.retryTimeout) : neverRetry;
            const state: UnpartitionedStreamProcessorState = {
                partitioned: false,
                position: failed.position,
                lastSuccessfullyProcessed,
                failure: { reason: failed.outcome.reason, attempts, retryTime, lastFailed: now },
            };
            await projections.commit(definition.scope, definition.projectionId, committed.map((change) => change.change), this.#key, state);
            logger.log(messages.processingFailed, {
                position: failed.position,
                reason: failed.outcome.reason,
                attempts,
                retryIn: failed.outcome.retry ? retryTime - now : 'never (until the head registers again)',
            });
            return { state, progressed: false, wakeAt: retryTime };
        }
        const state: UnpartitionedStreamProcessorState = { partitioned: false, position: batch.end, lastSuccessfullyProcessed, failure: undefined };
        await projections.commit(definition.scope, definition.projectionId, committed.map((change) => change.change), this.#key, state);
        if (logger.isEnabled(messages.processed)) {
            logger.log(messages.processed, { from: initial.position, to: state.position, changes: committed.length });
        }
        if (retrying !== undefined) {
            logger.log(messages.recovered, { position: initial.position, attempts: retrying.attempts });
        }
        return { state, progressed: true, wakeAt: now };
    }

    // The batch's matching events by key, in order; an event without a key fails the batch there (never retried:
    // its content will not change, only a new definition can key it).
    #eventsByKey(
        events: ReadonlyArray<StreamEvent>,
        from: number,
    ): { readonly keys: ReadonlyMap<string, StreamEvent[]>; readonly failed: Failed | undefined; readonly end: number } {
        const keys = new Map<string, StreamEvent[]>();
        let expected = from;
        for (const event of events) {
            if (event.position !== expected) {
                break;
            }
            expected += 1;
            const selector = this.#selectors.get(event.event.type.id);
            if (selector === undefined) {
                continue;
            }
            const key = keyOf(event, selector);
            if ('missing' in key) {
                return { keys, failed: { position: event.position, outcome: { succeeded: false, reason: key.missing, retry: false, retryTimeout: 0 } }, end: event.position };
            }
            const list = keys.get(key.key);
            if (list === undefined) {
                keys.set(key.key, [event]);
            } else {
                list.push(event);
            }
        }
        return { keys, failed: undefined, end: expected };
    }
}

function unpartitioned(state: Awaited<ReturnType<StreamStorage['state']>>): UnpartitionedStreamProcessorState {
    if (state === undefined) {
        return { partitioned: false, position: 0, lastSuccessfullyProcessed: 0, failure: undefined };
    }
    return state.partitioned ? { partitioned: false, position: state.position, lastSuccessfullyProcessed: state.lastSuccessfullyProcessed, failure: undefined } : state;
}
