import { emptyGuid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import type { ProcessorMetrics } from '../metrics/index.js';
import {
    measureProcessing,
    neverRetry,
    ProcessingLoop,
    ProcessorEdits,
    repeatUntilStopped,
    StorageFailureLog,
    watchProcessor,
    type EditableProcessor,
    type RetryState,
    type StreamSource,
} from '../streamProcessors/index.js';
import type { StreamChanges, StreamEvent, StreamProcessorKey, StreamProcessorState, StreamStorage } from '../streams/index.js';
import { askHeadToProject, type AskHead, type CurrentState, type ProjectionOutcome } from './HeadProjection.js';
import { keyOf } from './keyOf.js';
import { projectionLogMessages as messages } from './logMessages.js';
import type { KeySelector, ProjectionDefinition } from './ProjectionDefinition.js';
import type { FailingKey, ProjectionState } from './ProjectionState.js';
import { processorStateOf } from './storedState.js';
import type { ProjectionStorage, ReadModelChange } from './ProjectionStorage.js';

/** How long a processor with nothing to do sleeps before it looks again, should a wake-up be missed. */
const pollFallback = 60_000;

/**
 * The key under which events that select no key wait (a missing or null key property). It starts with U+FFFF, a
 * Unicode noncharacter that is not for interchange, so no key a head writes holds it in practice (NUL would be
 * surer, but PostgreSQL text cannot store it). It is never a read model: such an event fails without asking the
 * head, and only a new definition can key it.
 */
const keyOfEventsWithoutKey = '\uffffno key';

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
    /** Where the processor reports projected events, failures, its lag and its storage failures. */
    readonly metrics?: ProcessorMetrics;
    /** Where an operator's edits (a replay) reach this processor while it runs. */
    readonly editable?: EditableProcessor;
};

/** The key of a projection's processor state: (scope, projection id, the event log). */
export function projectionProcessorKey(definition: ProjectionDefinition): StreamProcessorKey {
    return { scope: definition.scope, processorId: definition.projectionId, sourceStreamId: emptyGuid };
}

type Failed = { readonly position: number; readonly outcome: Extract<ProjectionOutcome, { succeeded: false }> };

/** A key's events to project in one pass, in order, and the retry state of the first one when it is retried. */
type KeyWork = { readonly events: StreamEvent[]; readonly retry: RetryState | undefined };

/** What projecting one key's events did: the changes of the events that succeeded, and the failure that stopped it. */
type KeyResult = { readonly changes: ReadonlyArray<ReadModelChange>; readonly failed: Failed | undefined };

type StepResult = { readonly state: ProjectionState; readonly progressed: boolean; readonly wakeAt: number };

/**
 * Runs a projection over a scope's event log for one tenant. It reads a batch of events, asks the head about the
 * matching ones with several keys in flight (each key's events in order, one at a time), and commits the batch's
 * read-model changes together with the position after them in one storage transaction: a crash leaves both or
 * neither, so no event is applied twice and none is skipped. Only one key's events must stay in order, so when an
 * event fails, its key waits at it until the retry time the head asked for (its later events wait too) while the
 * other keys go on; a retry projects the waiting key's events from the failed one up to the position.
 */
export class ProjectionProcessor {
    readonly #options: ProjectionProcessorOptions;
    readonly #key: StreamProcessorKey;
    readonly #selectors: ReadonlyMap<string, KeySelector>;
    readonly #clock: () => number;
    readonly #loop: ProcessingLoop;
    // The state the loop works from, for the lag metrics.
    #state: ProjectionState | undefined;

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
        const { logger, changes, source, metrics } = this.#options;
        logger.log(messages.started);
        const edits = new ProcessorEdits<StreamProcessorState>(signal);
        const removeEdits = this.#options.editable?.processors.add(this.#options.editable.tenant, this.#key, edits);
        let state: ProjectionState | undefined;
        let started = false;
        const failures = new StorageFailureLog(logger, { unavailable: messages.storeUnavailable, available: messages.storeAvailable, failed: messages.storageFailed }, metrics?.storage);
        const unwatch = watchProcessor(metrics, source, () => (this.#state === undefined ? undefined : { position: this.#state.position, failingPartitions: this.#state.failingKeys.size }));
        await repeatUntilStopped(
            signal,
            failures,
            async () => {
                if (state === undefined) {
                    state = await this.#storedState(!started);
                    started = true;
                }
                // An operator's edit (a replay) sees the processor's row and writes the store itself: read it back after.
                const view = processorStateOf(state);
                if ((await edits.apply(view)) !== view) {
                    state = await this.#storedState(false);
                }
                const version = changes.version(source.changes);
                this.#state = state;
                const result = await this.#step(state, signal);
                state = result.state;
                this.#state = state;
                failures.succeeded();
                if (!result.progressed && !signal.aborted) {
                    await changes.waitForChange(source.changes, version, Math.min(result.wakeAt - this.#clock(), pollFallback), edits.waiting);
                    if (state.failingKeys.size > 0) {
                        // Re-read a failing processor's state before retrying, so that an operator's edit takes effect.
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

    async #storedState(starting: boolean): Promise<ProjectionState> {
        const { streams, projections, definition } = this.#options;
        const stored = await streams.state(this.#key);
        const failingKeys = await projections.failingKeys(definition.scope, definition.projectionId);
        const now = this.#clock();
        return {
            position: stored?.position ?? 0,
            lastSuccessfullyProcessed: stored?.lastSuccessfullyProcessed ?? 0,
            // A head that asked never to retry an event gets one more attempt when it registers again.
            failingKeys: starting ? new Map([...failingKeys].map(([key, failing]) => [key, failing.retryTime === neverRetry ? { ...failing, retryTime: now } : failing])) : failingKeys,
        };
    }

    async #step(initial: ProjectionState, signal: AbortSignal): Promise<StepResult> {
        const due = [...initial.failingKeys].filter(([, failing]) => failing.retryTime <= this.#clock());
        const retried = due.length > 0 ? await this.#retry(initial, new Map(due), signal) : undefined;
        const state = retried?.state ?? initial;
        const next = await this.#projectNext(state, signal);
        return { state: next.state, progressed: next.progressed || (retried?.progressed ?? false), wakeAt: Math.min(next.wakeAt, retried?.wakeAt ?? Number.MAX_SAFE_INTEGER) };
    }

    // Projects the next batch of the event log for the keys that are not failing; a failing key's events in it wait.
    async #projectNext(initial: ProjectionState, signal: AbortSignal): Promise<StepResult> {
        const events = await this.#options.source.read(initial.position, this.#options.batchSize ?? 2_000);
        if (events.length === 0) {
            return { state: initial, progressed: false, wakeAt: earliestRetry(initial) };
        }
        const work = new Map<string, KeyWork>();
        let end = initial.position;
        for (const event of events) {
            if (event.position !== end) {
                break;
            }
            end += 1;
            const key = this.#keyOf(event);
            if (key !== undefined && !initial.failingKeys.has(key)) {
                addEvent(work, key, event, undefined);
            }
        }
        const results = await this.#project(work, signal);
        const now = this.#clock();
        const failingKeys = new Map(initial.failingKeys);
        for (const [key, result] of results) {
            if (result.failed !== undefined) {
                const failing = failingKeyAt(result.failed, 1, now);
                failingKeys.set(key, failing);
                this.#logFailure(key, failing, result.failed);
            }
        }
        const changes = [...results.values()].flatMap((result) => result.changes);
        const state: ProjectionState = { position: end, lastSuccessfullyProcessed: changes.length > 0 ? now : initial.lastSuccessfullyProcessed, failingKeys };
        await this.#commit(changes, state);
        const { logger } = this.#options;
        if (logger.isEnabled(messages.processed)) {
            logger.log(messages.processed, { from: initial.position, to: state.position, changes: changes.length });
        }
        return { state, progressed: true, wakeAt: now };
    }

    // Projects the waiting events of the failing keys whose retry time has come, from each one's failed event up to
    // the position, one batch of the event log at a time; a key that reaches the position has recovered.
    async #retry(initial: ProjectionState, due: ReadonlyMap<string, FailingKey>, signal: AbortSignal): Promise<StepResult> {
        const batchSize = this.#options.batchSize ?? 2_000;
        const from = Math.min(...[...due.values()].map((failing) => failing.position));
        const read = await this.#options.source.read(from, batchSize);
        const events = read.filter((event) => event.position < initial.position);
        // How far this pass looked: to the position, unless the batch ended before it.
        const scannedTo = events.length === batchSize && events.length === read.length ? events[events.length - 1]!.position + 1 : initial.position;
        const work = new Map<string, KeyWork>();
        for (const event of events) {
            const key = this.#keyOf(event);
            const failing = key === undefined ? undefined : due.get(key);
            if (key !== undefined && failing !== undefined && event.position >= failing.position) {
                addEvent(work, key, event, event.position === failing.position && failing.attempts > 0 ? { reason: failing.reason, attempts: failing.attempts } : undefined);
            }
        }
        const results = await this.#project(work, signal);
        const now = this.#clock();
        const failingKeys = new Map(initial.failingKeys);
        let applied = 0;
        for (const [key, failing] of due) {
            if (failing.position >= scannedTo) {
                continue;
            }
            const result = results.get(key);
            applied += result?.changes.length ?? 0;
            if (result?.failed !== undefined) {
                const attempts = (result.failed.position === failing.position ? failing.attempts : 0) + 1;
                const failed = failingKeyAt(result.failed, attempts, now);
                failingKeys.set(key, failed);
                this.#logFailure(key, failed, result.failed);
            } else if (scannedTo >= initial.position) {
                failingKeys.delete(key);
                this.#options.logger.log(messages.recovered, { key: printable(key), position: failing.position, attempts: failing.attempts });
            } else {
                // Caught up as far as this pass looked: the key goes on from there at once, still behind the position.
                failingKeys.set(key, { ...failing, position: scannedTo, attempts: 0, retryTime: now });
            }
        }
        const changes = [...results.values()].flatMap((result) => result.changes);
        const state: ProjectionState = { ...initial, lastSuccessfullyProcessed: applied > 0 ? now : initial.lastSuccessfullyProcessed, failingKeys };
        await this.#commit(changes, state);
        return { state, progressed: applied > 0, wakeAt: earliestRetry(state) };
    }

    // Asks the head about each key's events, several keys in flight and each key's events in order; a key stops at
    // its first failure.
    async #project(work: ReadonlyMap<string, KeyWork>, signal: AbortSignal): Promise<ReadonlyMap<string, KeyResult>> {
        const { definition, projections } = this.#options;
        const keys = [...work.keys()].filter((key) => key !== keyOfEventsWithoutKey);
        const storedStates = keys.length > 0 ? await projections.readModelsOf(definition.scope, definition.projectionId, keys) : new Map<string, string>();
        const results = new Map<string, KeyResult>();
        await Promise.all(
            [...work].map(async ([key, { events, retry }]) => {
                const stored = storedStates.get(key);
                let current: CurrentState = stored === undefined ? { key, state: definition.initialState, persisted: false } : { key, state: stored, persisted: true };
                const changes: ReadModelChange[] = [];
                let failed: Failed | undefined;
                for (const [index, event] of events.entries()) {
                    if (signal.aborted) {
                        break;
                    }
                    const outcome = key === keyOfEventsWithoutKey
                        ? this.#withoutKey(event)
                        : await measureProcessing(this.#options.metrics, () => askHeadToProject(this.#options.askHead, definition.scope, event, current, index === 0 ? retry : undefined, signal));
                    if (!outcome.succeeded) {
                        failed = { position: event.position, outcome };
                        break;
                    }
                    changes.push({ key, state: outcome.state });
                    current = outcome.state === undefined ? { key, state: definition.initialState, persisted: false } : { key, state: outcome.state, persisted: true };
                }
                results.set(key, { changes, failed });
            }),
        );
        signal.throwIfAborted();
        return results;
    }

    async #commit(changes: ReadonlyArray<ReadModelChange>, state: ProjectionState): Promise<void> {
        const { definition, projections } = this.#options;
        await projections.commit(definition.scope, definition.projectionId, changes, this.#key, state);
    }

    // The read-model key of an event the projection handles; events of other types have none.
    #keyOf(event: StreamEvent): string | undefined {
        const selector = this.#selectors.get(event.event.type.id);
        if (selector === undefined) {
            return undefined;
        }
        const key = keyOf(event, selector);
        return 'missing' in key ? keyOfEventsWithoutKey : key.key;
    }

    // An event that selects no key fails without asking the head, and is not retried: its content will not change,
    // only a new definition can key it (a head that registers again gets one more attempt, like any failure).
    #withoutKey(event: StreamEvent): ProjectionOutcome {
        const selector = this.#selectors.get(event.event.type.id)!;
        const key = keyOf(event, selector);
        return { succeeded: false, reason: 'missing' in key ? key.missing : 'The event selects no key', retry: false, retryTimeout: 0 };
    }

    #logFailure(key: string, failing: FailingKey, failed: Failed): void {
        const now = failing.lastFailed;
        this.#options.logger.log(messages.processingFailed, {
            key: printable(key),
            position: failed.position,
            reason: failed.outcome.reason,
            attempts: failing.attempts,
            retryIn: failing.retryTime === neverRetry ? 'never (until the head registers again)' : failing.retryTime - now,
        });
    }
}

function addEvent(work: Map<string, KeyWork>, key: string, event: StreamEvent, retry: RetryState | undefined): void {
    const existing = work.get(key);
    if (existing === undefined) {
        work.set(key, { events: [event], retry });
    } else {
        existing.events.push(event);
    }
}

function failingKeyAt(failed: Failed, attempts: number, now: number): FailingKey {
    return { position: failed.position, reason: failed.outcome.reason, attempts, retryTime: failed.outcome.retry ? now + Math.max(0, failed.outcome.retryTimeout) : neverRetry, lastFailed: now };
}

function earliestRetry(state: ProjectionState): number {
    let earliest = Number.MAX_SAFE_INTEGER;
    for (const failing of state.failingKeys.values()) {
        earliest = Math.min(earliest, failing.retryTime);
    }
    return earliest;
}

function printable(key: string): string {
    return key === keyOfEventsWithoutKey ? '(events without a key)' : key;
}
