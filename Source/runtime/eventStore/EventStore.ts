import { emptyGuid, type Guid } from '../guids/index.js';
import { failed, succeeded, type Result } from '../failures/index.js';
import type { Logger } from '../logging/index.js';
import { aggregateKeyText, type AggregateKey } from './AggregateKey.js';
import { AggregateVersionCache, type AggregateVersionLookup } from './AggregateVersionCache.js';
import type { CommitAggregateEventsRequest, CommitEventsRequest, CommitRequest } from './CommitRequest.js';
import type { CommittedEvent } from './CommittedEvent.js';
import type { AggregateEvents, EventLogStorage } from './EventLogStorage.js';
import { EventLogWasChangedElsewhere } from './EventLogWasChangedElsewhere.js';
import { EventStoreIsUnavailable } from './EventStoreIsUnavailable.js';
import { eventStoreFailures } from './failures.js';
import { eventStoreLogMessages } from './logMessages.js';
import { prepareBatch, type PreparedBatch } from './prepareBatch.js';
import { validateUncommittedEvent } from './validateUncommittedEvent.js';

/** Told about every batch of events appended to an event log, in order. */
export type CommittedEventsListener = (scope: Guid, events: ReadonlyArray<CommittedEvent>) => void;

type Queued = {
    readonly request: CommitRequest;
    readonly resolve: (result: Result<ReadonlyArray<CommittedEvent>>) => void;
};

/**
 * The most events one commit may have; a larger commit is refused (CommitIsTooLarge) before any work is done.
 * A commit's events are checked, and its batch prepared, in one go on the event loop that serves every tenant (its
 * answer was too, before large ones were encoded in pieces), at about 9 µs an event plus 5 ms a megabyte on the
 * machine this was measured on (Documentation/storage.md#limits): 2,000 events keep that to a few tens of
 * milliseconds, where 10,000 took 90 to 140 ms and 130,000 seconds.
 */
export const maximumEventsInOneCommit = 2_000;
const maximumEventsInOneBatch = 10_000;
// Commits queue up in one batch until it holds this much content, so a batch of big events stays a short transaction.
const maximumContentCharactersInOneBatch = 1024 * 1024;
const attemptsWhenChangedElsewhere = 3;

/**
 * One tenant's event store. Commits are serialised so sequence numbers are gap-free, and the commits that
 * queue up while one transaction runs are stored together in the next one (group commit).
 */
export class EventStore {
    readonly #storage: EventLogStorage;
    readonly #logger: Logger;
    readonly #clock: () => number;
    readonly #listeners = new Set<CommittedEventsListener>();
    readonly #aggregateVersions: AggregateVersionCache;
    #queue: Queued[] = [];
    #draining = false;
    #nextSequenceNumber: number | undefined;

    /** Creates the event store over a tenant's storage. */
    constructor(storage: EventLogStorage, logger: Logger, clock: () => number = Date.now, aggregateVersions = new AggregateVersionCache()) {
        this.#storage = storage;
        this.#aggregateVersions = aggregateVersions;
        this.#logger = logger;
        this.#clock = clock;
    }

    /** The storage of the tenant's event logs, for readers such as stream processors. */
    get storage(): EventLogStorage {
        return this.#storage;
    }

    /** The sequence number the next committed event gets in the default scope. */
    async nextSequenceNumber(): Promise<number> {
        if (this.#nextSequenceNumber === undefined) {
            const stored = await this.#storage.nextSequenceNumber(emptyGuid);
            // A commit may have finished while the storage was read: the number it left is the newer one.
            this.#nextSequenceNumber ??= stored;
        }
        return this.#nextSequenceNumber;
    }

    /** Subscribes to committed events; returns the function that unsubscribes. */
    onCommitted(listener: CommittedEventsListener): () => void {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    /**
     * Tells the listeners about events written into a scope's log by another writer (the Event Horizon's receiver, in
     * the transaction that also moves its subscription), so that the scope's processors wake at once.
     */
    announce(scope: Guid, events: ReadonlyArray<CommittedEvent>): void {
        this.#notify(scope, events);
    }

    /** Commits events that belong to no aggregate. */
    commit(request: CommitEventsRequest): Promise<Result<ReadonlyArray<CommittedEvent>>> {
        return this.#enqueue(request);
    }

    /** Commits events applied by an aggregate, if the aggregate is still at the version the request expects. */
    commitForAggregate(request: CommitAggregateEventsRequest): Promise<Result<ReadonlyArray<CommittedEvent>>> {
        return this.#enqueue(request);
    }

    /** The events of one aggregate in version order, with its version. */
    async fetchForAggregate(aggregate: AggregateKey): Promise<Result<AggregateEvents>> {
        try {
            return succeeded(await this.#storage.fetchForAggregate(aggregate));
        } catch (error) {
            this.#logger.log(eventStoreLogMessages.storageFailed, { error: String(error) });
            return failed(eventStoreFailures.unavailable(String(error)));
        }
    }

    #enqueue(request: CommitRequest): Promise<Result<ReadonlyArray<CommittedEvent>>> {
        if (request.events.length === 0) {
            return Promise.resolve(failed(eventStoreFailures.noEventsToCommit()));
        }
        if (request.events.length > maximumEventsInOneCommit) {
            this.#logger.log(eventStoreLogMessages.commitRejected, { reason: 'too many events', events: request.events.length });
            return Promise.resolve(failed(eventStoreFailures.tooManyEventsInCommit(request.events.length, maximumEventsInOneCommit)));
        }
        if (request.kind === 'aggregate' && request.aggregateRootId === emptyGuid) {
            const problem = eventStoreFailures.aggregateRootIdIsEmpty(request.eventSourceId);
            this.#logger.log(eventStoreLogMessages.commitRejected, { reason: problem.reason });
            return Promise.resolve(failed(problem));
        }
        for (const [index, event] of request.events.entries()) {
            const problem = validateUncommittedEvent(event, index);
            if (problem !== undefined) {
                this.#logger.log(eventStoreLogMessages.commitRejected, { reason: problem.reason });
                return Promise.resolve(failed(problem));
            }
        }
        return new Promise((resolve) => {
            this.#queue.push({ request, resolve });
            if (!this.#draining) {
                this.#draining = true;
                void this.#drain();
            }
        });
    }

    async #drain(): Promise<void> {
        try {
            while (this.#queue.length > 0) {
                // Let the requests that have arrived meanwhile be read first, so they join this batch: without this
                // a batch taken right after the previous one settles would hold one request.
                await new Promise((resolve) => setImmediate(resolve));
                const batch = this.#takeBatch();
                await this.#store(batch);
            }
        } finally {
            this.#draining = false;
        }
    }

    #takeBatch(): Queued[] {
        let events = 0;
        let characters = 0;
        let count = 0;
        while (count < this.#queue.length) {
            const next = this.#queue[count]!.request;
            const nextCharacters = contentCharacters(next);
            const fits = events + next.events.length <= maximumEventsInOneBatch && characters + nextCharacters <= maximumContentCharactersInOneBatch;
            if (count > 0 && !fits) {
                break;
            }
            events += next.events.length;
            characters += nextCharacters;
            count++;
        }
        const batch = this.#queue.slice(0, count);
        this.#queue = this.#queue.slice(count);
        return batch;
    }

    async #store(batch: ReadonlyArray<Queued>): Promise<void> {
        for (let attempt = 1; ; attempt++) {
            let prepared: PreparedBatch | undefined;
            try {
                const requests = batch.map((queued) => queued.request);
                const first = await this.nextSequenceNumber();
                const versions = await this.#currentVersions(requests);
                const occurred = this.#clock();
                prepared = prepareBatch(requests, first, versions, occurred);
                if (prepared.conflicts.length > 0) {
                    // The cache may be behind an aggregate that another writer moved: ask storage before answering a conflict.
                    prepared = prepareBatch(requests, first, await this.#readVersions(prepared.conflicts, versions), occurred);
                }
                if (prepared.events.length > 0) {
                    await this.#storage.append(emptyGuid, prepared.events, prepared.aggregates);
                }
                this.#nextSequenceNumber = prepared.nextSequenceNumber;
                // Only now is the batch stored: its moves become what the cache says.
                this.#aggregateVersions.applyCommitted(prepared.aggregates);
                this.#logger.log(eventStoreLogMessages.committed, { requests: batch.length, events: prepared.events.length });
                batch.forEach((queued, index) => queued.resolve(prepared!.results[index]!));
                if (prepared.events.length > 0) {
                    this.#notify(emptyGuid, prepared.events);
                }
                return;
            } catch (error) {
                this.#nextSequenceNumber = undefined;
                if (error instanceof EventLogWasChangedElsewhere) {
                    // Another writer shares the store: any aggregate may have moved.
                    this.#aggregateVersions.clear();
                } else if (prepared !== undefined) {
                    // The transaction may have committed although its answer was lost: read these again next time.
                    this.#aggregateVersions.forget(prepared.aggregates);
                }
                if (error instanceof EventLogWasChangedElsewhere && attempt < attemptsWhenChangedElsewhere) {
                    this.#logger.log(eventStoreLogMessages.changedElsewhere, { attempt, detail: error.message });
                    continue;
                }
                this.#logger.log(eventStoreLogMessages.storageFailed, { error: String(error), requests: batch.length });
                const outcome = error instanceof EventStoreIsUnavailable ? eventStoreFailures.unavailable(error.message) : eventStoreFailures.persistanceError(error instanceof Error ? error.message : String(error));
                batch.forEach((queued) => queued.resolve(failed(outcome)));
                return;
            }
        }
    }

    // The versions a batch is checked against: those of the cache, and those of the aggregates it lacks, read from storage.
    async #currentVersions(requests: ReadonlyArray<CommitRequest>): Promise<AggregateVersionLookup> {
        const missing: AggregateKey[] = [];
        for (const request of requests) {
            if (request.kind === 'aggregate' && this.#aggregateVersions.versionOf(aggregateKeyText(request)) === undefined) {
                missing.push(request);
            }
        }
        return missing.length === 0 ? this.#aggregateVersions : this.#readVersions(missing, this.#aggregateVersions);
    }

    // Reads aggregates' versions from storage into the cache; the lookup answers them from what was read, as the cache may
    // already have forgotten some when a batch touches more aggregates than it holds.
    async #readVersions(aggregates: ReadonlyArray<AggregateKey>, otherwise: AggregateVersionLookup): Promise<AggregateVersionLookup> {
        const read = await this.#storage.aggregateVersions(aggregates);
        this.#aggregateVersions.remember(read);
        return { versionOf: (key) => read.get(key) ?? otherwise.versionOf(key) };
    }

    #notify(scope: Guid, events: ReadonlyArray<CommittedEvent>): void {
        for (const listener of this.#listeners) {
            try {
                listener(scope, events);
            } catch (error) {
                this.#logger.log(eventStoreLogMessages.storageFailed, { error: `A committed-events listener threw: ${String(error)}` });
            }
        }
    }
}

function contentCharacters(request: CommitRequest): number {
    let characters = 0;
    for (const event of request.events) {
        characters += event.content.length;
    }
    return characters;
}
