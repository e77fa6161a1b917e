import { eventStoreFailureIds, type CommittedEvent } from '../eventStore/index.js';
import type { ExecutionContext } from '../execution/index.js';
import { failed, otherFailure, succeeded, type Failure, type Result } from '../failures/index.js';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import type { Tenant } from '../tenancy/index.js';
import type { EmbeddingDefinition } from './EmbeddingDefinition.js';
import type { EmbeddingCurrentState, EmbeddingEvent, EmbeddingHead } from './EmbeddingHead.js';
import type { EmbeddingState } from './EmbeddingStorage.js';
import { embeddingFailures } from './failures.js';
import { eventSourceIdOfKey } from './eventSourceIdOfKey.js';
import { embeddingLogMessages as messages } from './logMessages.js';
import { resolveDeletion, resolveUpdate, type ChangeSubject, type ResolvedChange } from './resolveChange.js';

/** How often an update or delete is tried again when another writer moved the key's aggregate meanwhile. */
const attemptsWhenAggregateMoved = 3;
/** How long after a failed refresh the stored keys are checked again. */
const refreshRetryDelay = 5_000;

/** What an embedding processor works with for one tenant. */
export type EmbeddingProcessorParts = {
    readonly definition: EmbeddingDefinition;
    readonly tenant: Tenant;
    readonly head: EmbeddingHead;
    readonly logger: Logger;
};

/**
 * One tenant's processor of an embedding (reference 7). Its jobs run one at a time: updates and deletes (each
 * resolved with the head, committed as one aggregate commit at the version it started from, then stored), and
 * refreshes, which project the aggregate events committed elsewhere onto the stored keys they belong to. A refresh
 * runs at start (for events committed while no head was connected, or between a commit and the store of its state)
 * and whenever the tenant's event store commits events of the embedding's aggregate root.
 */
export class EmbeddingProcessor {
    readonly #parts: EmbeddingProcessorParts;
    readonly #eventTypes: ReadonlySet<Guid>;
    #queue: Promise<unknown> = Promise.resolve();
    #stopped = false;
    #unsubscribe: (() => void) | undefined;
    #retryTimer: NodeJS.Timeout | undefined;

    /** Creates the processor; it does nothing before start(). */
    constructor(parts: EmbeddingProcessorParts) {
        this.#parts = parts;
        this.#eventTypes = new Set(parts.definition.eventTypes);
    }

    /** Starts listening for aggregate events committed elsewhere, and refreshes every stored key once. */
    start(): void {
        const { embeddingId } = this.#parts.definition;
        this.#unsubscribe = this.#parts.tenant.eventStore.onCommitted((_scope, events) => {
            const eventSources = new Set<Guid>();
            for (const event of events) {
                if (event.aggregate?.aggregateRootId === embeddingId) {
                    eventSources.add(event.eventSourceId);
                }
            }
            if (eventSources.size > 0) {
                this.#refresh([...eventSources]);
            }
        });
        this.#refresh(undefined);
    }

    /** Stops taking jobs; resolves when the running one has finished. */
    async stop(): Promise<void> {
        this.#stopped = true;
        this.#unsubscribe?.();
        clearTimeout(this.#retryTimer);
        await this.#queue.catch(() => undefined);
    }

    /** Updates a key to the desired state: resolves with the state, or the failure that says why not. */
    update(key: string, desired: string, executionContext: ExecutionContext): Promise<Result<string>> {
        return this.#enqueue(async () => {
            const outcome = await this.#changeSafely(key, executionContext, (subject, start) => resolveUpdate(this.#parts.head, subject, start, desired));
            if (!outcome.succeeded) {
                return failed(embeddingFailures.failedToUpdate(this.#parts.definition.embeddingId, key, outcome.failure.reason));
            }
            return succeeded(desired);
        });
    }

    /** Deletes a key: resolves when it is removed (at once when it has no state), or with the failure that says why not. */
    delete(key: string, executionContext: ExecutionContext): Promise<Result<void>> {
        return this.#enqueue(async () => {
            const outcome = await this.#changeSafely(key, executionContext, (subject, start) =>
                start.persisted ? resolveDeletion(this.#parts.head, subject, start) : Promise.resolve({ resolved: true, events: [], state: undefined }));
            if (!outcome.succeeded) {
                return failed(embeddingFailures.failedToDelete(this.#parts.definition.embeddingId, key, outcome.failure.reason));
            }
            return succeeded(undefined);
        });
    }

    #enqueue<T>(job: () => Promise<T>): Promise<T> {
        const run = this.#queue.then(job);
        this.#queue = run.catch(() => undefined);
        return run;
    }

    async #changeSafely(key: string, executionContext: ExecutionContext, resolve: (subject: ChangeSubject, start: EmbeddingCurrentState) => Promise<ResolvedChange>): Promise<Result<void>> {
        try {
            return await this.#change(key, executionContext, resolve);
        } catch (error) {
            // The head disconnected, or the store failed: the caller gets the reason; the key is as it was, or is
            // brought up to its aggregate by the next refresh.
            this.#parts.logger.log(messages.changeRefused, { key, reason: error instanceof Error ? error.message : String(error) });
            return failed(otherFailure(error instanceof Error ? error.message : String(error)));
        }
    }

    async #change(key: string, executionContext: ExecutionContext, resolve: (subject: ChangeSubject, start: EmbeddingCurrentState) => Promise<ResolvedChange>): Promise<Result<void>> {
        const { definition, tenant, logger } = this.#parts;
        const subject: ChangeSubject = { key, eventSourceId: eventSourceIdOfKey(key), initialState: definition.initialState };
        for (let attempt = 1; ; attempt++) {
            const caughtUp = await this.#catchUp(subject, await tenant.storage.embeddings.state(definition.embeddingId, key));
            if (!caughtUp.succeeded) {
                return failed(caughtUp.failure);
            }
            const stored = caughtUp.value;
            const start: EmbeddingCurrentState = stored === undefined || stored.removed
                ? { key, state: definition.initialState, persisted: false }
                : { key, state: stored.state, persisted: true };
            const resolved = await resolve(subject, start);
            if (!resolved.resolved) {
                logger.log(messages.changeRefused, { key, reason: resolved.reason });
                return failed(otherFailure(resolved.reason));
            }
            if (resolved.events.length === 0) {
                return succeeded(undefined);
            }
            const version = stored?.version ?? 0;
            const committed = await tenant.eventStore.commitForAggregate({
                kind: 'aggregate',
                executionContext,
                aggregateRootId: definition.embeddingId,
                eventSourceId: subject.eventSourceId,
                expectedVersion: version,
                events: resolved.events,
            });
            if (!committed.succeeded) {
                if (committed.failure.id === eventStoreFailureIds.aggregateRootConcurrencyConflict && attempt < attemptsWhenAggregateMoved) {
                    continue;
                }
                logger.log(messages.changeRefused, { key, reason: committed.failure.reason });
                return failed(otherFailure(`committing its ${resolved.events.length} event(s) failed: ${committed.failure.reason}`));
            }
            await this.#store(subject, { key, state: resolved.state ?? definition.initialState, version: version + resolved.events.length, removed: resolved.state === undefined });
            logger.log(resolved.state === undefined ? messages.deleted : messages.updated, { key, events: resolved.events.length, version: version + resolved.events.length });
            return succeeded(undefined);
        }
    }

    /**
     * Brings a key's stored state up to its aggregate: projects, in order, the aggregate's events after the stored
     * version (those of other types only move the version), stores the result and resolves with it.
     */
    async #catchUp(subject: ChangeSubject, stored: EmbeddingState | undefined): Promise<Result<EmbeddingState | undefined>> {
        const { definition, tenant } = this.#parts;
        const aggregate = { eventSourceId: subject.eventSourceId, aggregateRootId: definition.embeddingId };
        const versions = await tenant.storage.eventLog.aggregateVersions([aggregate]);
        const aggregateVersion = [...versions.values()][0] ?? 0;
        const storedVersion = stored?.version ?? 0;
        if (aggregateVersion <= storedVersion) {
            return succeeded(stored);
        }
        const fetched = await tenant.eventStore.fetchForAggregate(aggregate);
        if (!fetched.succeeded) {
            return failed(fetched.failure);
        }
        let current: EmbeddingCurrentState | undefined = stored === undefined || stored.removed ? undefined : { key: subject.key, state: stored.state, persisted: true };
        let version = storedVersion;
        for (const event of fetched.value.events.slice(storedVersion)) {
            version++;
            if (!this.#eventTypes.has(event.type.id)) {
                continue;
            }
            const projected = await this.#parts.head.project(current ?? { key: subject.key, state: subject.initialState, persisted: false }, toEmbeddingEvent(event), subject.eventSourceId);
            if (!projected.answered) {
                return failed(otherFailure(`bringing its state up to the aggregate event at version ${version - 1} (committed elsewhere) failed: ${projected.reason}`));
            }
            current = projected.value.state === undefined ? undefined : { key: subject.key, state: projected.value.state, persisted: true };
        }
        const refreshed: EmbeddingState = { key: subject.key, state: current?.state ?? subject.initialState, version, removed: current === undefined };
        await this.#store(subject, refreshed);
        this.#parts.logger.log(messages.refreshed, { key: subject.key, from: storedVersion, to: version });
        return succeeded(refreshed);
    }

    async #store(subject: ChangeSubject, state: EmbeddingState): Promise<void> {
        await this.#parts.tenant.storage.embeddings.save(this.#parts.definition.embeddingId, subject.eventSourceId, state);
    }

    #refresh(eventSourceIds: ReadonlyArray<Guid> | undefined): void {
        if (this.#stopped) {
            return;
        }
        void this.#enqueue(async () => {
            if (this.#stopped) {
                return;
            }
            const { definition, tenant, logger } = this.#parts;
            try {
                const states = eventSourceIds === undefined
                    ? await tenant.storage.embeddings.states(definition.embeddingId)
                    : await tenant.storage.embeddings.statesOfEventSources(definition.embeddingId, eventSourceIds);
                const failures: Failure[] = [];
                for (const stored of states) {
                    const caughtUp = await this.#catchUp({ key: stored.key, eventSourceId: eventSourceIdOfKey(stored.key), initialState: definition.initialState }, stored);
                    if (!caughtUp.succeeded) {
                        failures.push(caughtUp.failure);
                    }
                }
                if (failures.length > 0) {
                    logger.log(messages.refreshFailed, { keys: failures.length, reason: failures[0]!.reason });
                    this.#retryLater();
                }
            } catch (error) {
                logger.log(messages.refreshFailed, { reason: error instanceof Error ? error.message : String(error) });
                this.#retryLater();
            }
        });
    }

    #retryLater(): void {
        clearTimeout(this.#retryTimer);
        this.#retryTimer = setTimeout(() => this.#refresh(undefined), refreshRetryDelay);
    }
}

function toEmbeddingEvent(event: CommittedEvent): EmbeddingEvent {
    return { type: event.type, public: event.public, content: event.content };
}
