import type { EventLogStorage } from '../eventStore/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { nextTurn, ProcessingLoop, repeatUntilStopped, StorageFailureLog } from '../streamProcessors/index.js';
import {
    eventLogSource,
    streamKeyText,
    type FilteredEvent,
    type StreamChanges,
    type StreamKey,
    type StreamProcessorKey,
    type StreamProcessorState,
    type StreamStorage,
} from '../streams/index.js';
import { filterLogMessages as messages } from './logMessages.js';

/** What an event type filter needs to run. */
export type EventTypeFilterOptions = {
    readonly key: StreamProcessorKey;
    readonly target: StreamKey;
    readonly types: ReadonlyArray<Guid>;
    /** Partition the stream by event source (partitioned event handlers) or not. */
    readonly partitioned: boolean;
    readonly eventLog: EventLogStorage;
    /** The committed end of the scope's event log (the next sequence number); the event store knows it without a query. */
    readonly committedEnd?: () => Promise<number>;
    readonly streams: StreamStorage;
    readonly changes: StreamChanges;
    readonly logger: Logger;
    /** Stops the filter when it aborts, e.g. when the head's connection ends. */
    readonly stopWhen?: AbortSignal;
    readonly batchSize?: number;
};

const pollFallback = 60_000;
const millisecondsBetweenStores = 1_000;

/**
 * Writes the events of some types from a scope's event log into a stream (an event handler's stream). It runs
 * in the Runtime, so it never fails on an event: it reads only the matching events through the event log's
 * type index, in batches, and appends a batch together with its position in one transaction.
 */
export class EventTypeFilter {
    readonly #options: EventTypeFilterOptions;
    readonly #loop: ProcessingLoop;
    #persistedPosition = 0;
    #storedAt = 0;

    /** Creates the filter; nothing runs until start(). */
    constructor(options: EventTypeFilterOptions) {
        this.#options = options;
        this.#loop = new ProcessingLoop((signal) => this.#run(signal), options.stopWhen);
    }

    /** Starts filtering in the background. */
    start(): void {
        this.#loop.start();
    }

    /** Stops filtering after the batch under way. */
    stop(): Promise<void> {
        return this.#loop.stop();
    }

    async #run(signal: AbortSignal): Promise<void> {
        const { key, streams, changes, logger } = this.#options;
        const source = eventLogSource(key.scope);
        const failures = new StorageFailureLog(logger, { unavailable: messages.storeUnavailable, available: messages.storeAvailable, failed: messages.storageFailed });
        let position: number | undefined;
        await repeatUntilStopped(
            signal,
            failures,
            async () => {
                if (position === undefined) {
                    position = (await streams.state(key))?.position ?? 0;
                    this.#persistedPosition = position;
                }
                const version = changes.version(source);
                const next = await this.#filterBatch(position);
                failures.succeeded();
                if (next === position) {
                    if (position !== this.#persistedPosition) {
                        await this.#store(position, []);
                    }
                    await changes.waitForChange(source, version, pollFallback, signal);
                } else {
                    // Lets the gRPC calls waiting meanwhile in between two batches (on SQLite a batch blocks the thread).
                    await nextTurn();
                }
                position = next;
            },
            () => {
                position = undefined;
            },
        );
    }

    async #filterBatch(position: number): Promise<number> {
        const { key, target, types, partitioned, eventLog, changes } = this.#options;
        const batchSize = this.#options.batchSize ?? 1_000;
        // Only events below the committed end are taken, so the position never passes an event still being committed.
        const end = await (this.#options.committedEnd?.() ?? eventLog.nextSequenceNumber(key.scope));
        if (end <= position) {
            return position;
        }
        const events = (await eventLog.readOfTypes(key.scope, types, position, batchSize)).filter((event) => event.sequenceNumber < end);
        const last = events.at(-1);
        const next = events.length === batchSize && last !== undefined ? last.sequenceNumber + 1 : end;
        const filtered = events.map((event) => ({ partition: partitioned ? event.eventSourceId : emptyGuid, event }));
        // Under load, a batch without matching events moves the position in memory only; it is stored at most once a
        // second and when the filter goes idle. After a crash those events are scanned again and, matching nothing,
        // add nothing. This spares every handler a write on every commit of types it does not handle.
        if (filtered.length === 0 && Date.now() - this.#storedAt < millisecondsBetweenStores) {
            return next;
        }
        await this.#store(next, filtered);
        if (filtered.length > 0) {
            changes.changed(streamKeyText(target));
        }
        return next;
    }

    async #store(position: number, filtered: ReadonlyArray<FilteredEvent>): Promise<void> {
        const { key, target, streams } = this.#options;
        const state: StreamProcessorState = { partitioned: false, position, lastSuccessfullyProcessed: Date.now(), failure: undefined };
        await streams.appendAndSaveState(target, filtered, key, state);
        this.#persistedPosition = position;
        this.#storedAt = Date.now();
    }
}
