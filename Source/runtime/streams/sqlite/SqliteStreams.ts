import type { Guid } from '../../guids/index.js';
import { writeWhenUnlocked, type SqliteDatabase } from '../../storage/sqlite/index.js';
import { EventIsAlreadyInStream } from '../EventIsAlreadyInStream.js';
import { EventIsNotInEventLog } from '../EventIsNotInEventLog.js';
import { streamFilterFromStored, streamFilterToStored } from '../storedStreamFilter.js';
import type { StreamDefinition } from '../StreamDefinition.js';
import type { FilteredEvent, StreamEvent } from '../StreamEvent.js';
import type { StreamKey } from '../StreamKey.js';
import type { StreamProcessorKey } from '../StreamProcessorKey.js';
import type { StreamProcessorState } from '../StreamProcessorState.js';
import type { StreamStorage } from '../StreamStorage.js';
import { sqliteStreamStatements } from './sqliteStreamStatements.js';
import { sqliteProcessorStateWriter } from './sqliteProcessorStateWriter.js';
import { stateFromRows, type FailingPartitionRow, type ProcessorStateRow } from './stateRows.js';
import { streamEventFromRow, type StreamEventRow } from './streamEventRows.js';

type DefinitionRow = { readonly partitioned: number; readonly filter: string };

/** A tenant's streams and stream processor states in the embedded database (the event store's database file). */
export class SqliteStreams implements StreamStorage {
    readonly #database: SqliteDatabase;
    readonly #statements;
    readonly #saveStateTransaction;
    readonly #appendAndSaveStateTransaction;
    readonly #stateWriter;

    /** Creates the streams over an open database whose event store and streams migrations have run. */
    constructor(database: SqliteDatabase) {
        this.#database = database;
        const statements = sqliteStreamStatements(database);
        this.#statements = statements;
        this.#stateWriter = sqliteProcessorStateWriter(database);
        this.#saveStateTransaction = database.transaction((processor: StreamProcessorKey, state: StreamProcessorState) => this.#writeState(processor, state));
        this.#appendAndSaveStateTransaction = database.transaction(
            (key: StreamKey, events: ReadonlyArray<FilteredEvent>, processor: StreamProcessorKey, state: StreamProcessorState) => {
                const start = statements.length.get(key.scope, publicColumn(key), key.streamId) as number;
                const appended = events.map((filtered, index): StreamEvent => {
                    const position = start + index;
                    const sequenceNumber = filtered.event.sequenceNumber;
                    try {
                        statements.appendEvent.run(key.scope, publicColumn(key), key.streamId, position, filtered.partition, sequenceNumber);
                    } catch (error) {
                        throw constraintError(error, key, sequenceNumber);
                    }
                    return { position, partition: filtered.partition, event: filtered.event };
                });
                this.#writeState(processor, state);
                return appended;
            },
        );
    }

    async definition(key: StreamKey): Promise<StreamDefinition | undefined> {
        const row = this.#statements.definition.get(key.scope, publicColumn(key), key.streamId) as DefinitionRow | undefined;
        if (row === undefined) {
            return undefined;
        }
        const filter = streamFilterFromStored(key, parseJson(row.filter));
        return { scope: key.scope, streamId: key.streamId, public: key.public, partitioned: row.partitioned === 1, filter };
    }

    async saveDefinition(definition: StreamDefinition): Promise<void> {
        const filter = JSON.stringify(streamFilterToStored(definition.filter));
        await writeWhenUnlocked(this.#database, () => this.#statements.saveDefinition.run(definition.scope, definition.streamId, publicColumn(definition), definition.partitioned ? 1 : 0, filter));
    }

    async length(key: StreamKey): Promise<number> {
        return this.#statements.length.get(key.scope, publicColumn(key), key.streamId) as number;
    }

    async read(key: StreamKey, fromPosition: number, limit: number): Promise<ReadonlyArray<StreamEvent>> {
        const rows = this.#statements.read.all(key.scope, publicColumn(key), key.streamId, fromPosition, limit) as StreamEventRow[];
        return rows.map(streamEventFromRow);
    }

    async readPartition(key: StreamKey, partition: Guid, fromPosition: number, beforePosition: number, limit: number): Promise<ReadonlyArray<StreamEvent>> {
        const rows = this.#statements.readPartition.all(key.scope, publicColumn(key), key.streamId, partition, fromPosition, beforePosition, limit) as StreamEventRow[];
        return rows.map(streamEventFromRow);
    }

    async appendAndSaveState(key: StreamKey, events: ReadonlyArray<FilteredEvent>, processor: StreamProcessorKey, state: StreamProcessorState): Promise<ReadonlyArray<StreamEvent>> {
        return writeWhenUnlocked(this.#database, () => this.#withBookkeepingDurability(() => this.#appendAndSaveStateTransaction.immediate(key, events, processor, state)));
    }

    async state(processor: StreamProcessorKey): Promise<StreamProcessorState | undefined> {
        const parameters = [processor.scope, processor.processorId, processor.sourceStreamId];
        const row = this.#statements.state.get(...parameters) as ProcessorStateRow | undefined;
        if (row === undefined) {
            return undefined;
        }
        const partitions = row.partitioned === 1 ? (this.#statements.failingPartitions.all(...parameters) as FailingPartitionRow[]) : [];
        return stateFromRows(row, partitions);
    }

    async saveState(processor: StreamProcessorKey, state: StreamProcessorState): Promise<void> {
        await writeWhenUnlocked(this.#database, () => this.#withBookkeepingDurability(() => this.#saveStateTransaction.immediate(processor, state)));
    }

    async processorKeys(): Promise<ReadonlyArray<StreamProcessorKey>> {
        const rows = this.#statements.processorKeys.all() as ReadonlyArray<{ scope: Guid; processor_id: Guid; source_stream_id: Guid }>;
        return rows.map((row) => ({ scope: row.scope, processorId: row.processor_id, sourceStreamId: row.source_stream_id }));
    }

    async definitions(): Promise<ReadonlyArray<StreamDefinition>> {
        const rows = this.#statements.definitions.all() as ReadonlyArray<DefinitionRow & { scope: Guid; stream_id: Guid }>;
        return rows.map((row) => {
            const key: StreamKey = { scope: row.scope, streamId: row.stream_id, public: false };
            return { ...key, partitioned: row.partitioned === 1, filter: streamFilterFromStored(key, parseJson(row.filter)) };
        });
    }

    #writeState(processor: StreamProcessorKey, state: StreamProcessorState): void {
        this.#stateWriter(processor, state);
    }

    // Stream appends and processor states are bookkeeping derived from the event log, so their commits skip the
    // fsync: the connection runs with synchronous=NORMAL (storage/sqlite/SqliteDatabase.ts), where a commit is in the
    // WAL file before it returns, so it survives a process kill, and the next event commit (synchronous=FULL, see
    // SqliteEventLog) fsyncs the WAL and with it every earlier frame. Only a power loss can drop them, and then
    // processing repeats from an older position; it never skips.
    #withBookkeepingDurability<T>(write: () => T): T {
        return write();
    }
}

function publicColumn(key: StreamKey): number {
    return key.public ? 1 : 0;
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text) as unknown;
    } catch {
        return text;
    }
}

function constraintError(error: unknown, key: StreamKey, sequenceNumber: number): unknown {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
        return new EventIsAlreadyInStream(key, sequenceNumber, { cause: error });
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        return new EventIsNotInEventLog(key, [sequenceNumber], { cause: error });
    }
    return error;
}
