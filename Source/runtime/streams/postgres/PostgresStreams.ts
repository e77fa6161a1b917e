import type pg from 'pg';
import type { Guid } from '../../guids/index.js';
import type { PostgresDatabase } from '../../storage/postgres/index.js';
import { EventIsAlreadyInStream } from '../EventIsAlreadyInStream.js';
import { EventIsNotInEventLog } from '../EventIsNotInEventLog.js';
import { streamFilterFromStored, streamFilterToStored } from '../storedStreamFilter.js';
import type { StreamDefinition } from '../StreamDefinition.js';
import type { FilteredEvent, StreamEvent } from '../StreamEvent.js';
import type { StreamKey } from '../StreamKey.js';
import type { StreamProcessorKey } from '../StreamProcessorKey.js';
import type { StreamProcessorState } from '../StreamProcessorState.js';
import type { StreamStorage } from '../StreamStorage.js';
import { postgresStreamStatements as statements } from './postgresStreamStatements.js';
import { failingPartitionsToParameters, stateFromRow, stateToParameters, type ProcessorStateRow } from './stateRows.js';
import { streamEventFromRow, type StreamEventRow } from './streamEventRows.js';

type StatementName = keyof typeof statements;

/** A tenant's streams and stream processor states in its PostgreSQL schema (the event store's schema). */
export class PostgresStreams implements StreamStorage {
    readonly #pool: pg.Pool;

    /** Creates the streams over an open schema whose event store and streams migrations have run. */
    constructor(database: PostgresDatabase) {
        this.#pool = database.pool;
    }

    async definition(key: StreamKey): Promise<StreamDefinition | undefined> {
        const rows = await this.#query<{ partitioned: boolean; filter: unknown }>('definition', streamParameters(key));
        const row = rows[0];
        if (row === undefined) {
            return undefined;
        }
        return { scope: key.scope, streamId: key.streamId, public: key.public, partitioned: row.partitioned, filter: streamFilterFromStored(key, row.filter) };
    }

    async saveDefinition(definition: StreamDefinition): Promise<void> {
        const filter = JSON.stringify(streamFilterToStored(definition.filter));
        await this.#query('saveDefinition', [definition.scope, definition.streamId, definition.public, definition.partitioned, filter]);
    }

    async length(key: StreamKey): Promise<number> {
        const rows = await this.#query<{ length: string }>('length', streamParameters(key));
        return Number(rows[0]?.length ?? 0);
    }

    async read(key: StreamKey, fromPosition: number, limit: number): Promise<ReadonlyArray<StreamEvent>> {
        const rows = await this.#query<StreamEventRow>('read', [...streamParameters(key), fromPosition, limit]);
        return rows.map(streamEventFromRow);
    }

    async readPartition(key: StreamKey, partition: Guid, fromPosition: number, beforePosition: number, limit: number): Promise<ReadonlyArray<StreamEvent>> {
        const rows = await this.#query<StreamEventRow>('readPartition', [...streamParameters(key), partition, fromPosition, beforePosition, limit]);
        return rows.map(streamEventFromRow);
    }

    async appendAndSaveState(key: StreamKey, events: ReadonlyArray<FilteredEvent>, processor: StreamProcessorKey, state: StreamProcessorState): Promise<ReadonlyArray<StreamEvent>> {
        const sequenceNumbers = events.map((filtered) => filtered.event.sequenceNumber);
        const failingPartitions = failingPartitionsToParameters(state);
        const parameters = [
            ...streamParameters(key),
            events.map((filtered) => filtered.partition),
            sequenceNumbers,
            ...stateToParameters(processor, state),
            ...(failingPartitions ?? []),
        ];
        const statement = failingPartitions === undefined ? 'appendAndSaveStateWithoutFailingPartitions' : 'appendAndSaveState';
        let rows: ReadonlyArray<{ first_position: string }>;
        try {
            rows = await this.#query<{ first_position: string }>(statement, parameters);
        } catch (error) {
            throw await this.#appendError(error, key, sequenceNumbers);
        }
        const start = Number(rows[0]?.first_position ?? 0);
        return events.map((filtered, index) => ({ position: start + index, partition: filtered.partition, event: filtered.event }));
    }

    async state(processor: StreamProcessorKey): Promise<StreamProcessorState | undefined> {
        const rows = await this.#query<ProcessorStateRow>('state', [processor.scope, processor.processorId, processor.sourceStreamId]);
        const row = rows[0];
        return row === undefined ? undefined : stateFromRow(row);
    }

    async saveState(processor: StreamProcessorKey, state: StreamProcessorState): Promise<void> {
        const failingPartitions = failingPartitionsToParameters(state);
        if (failingPartitions === undefined) {
            await this.#query('saveStateWithoutFailingPartitions', stateToParameters(processor, state));
            return;
        }
        await this.#query('saveState', [...stateToParameters(processor, state), ...failingPartitions]);
    }

    async processorKeys(): Promise<ReadonlyArray<StreamProcessorKey>> {
        const rows = await this.#query<{ scope: Guid; processor_id: Guid; source_stream_id: Guid }>('processorKeys', []);
        return rows.map((row) => ({ scope: row.scope, processorId: row.processor_id, sourceStreamId: row.source_stream_id }));
    }

    async definitions(): Promise<ReadonlyArray<StreamDefinition>> {
        const rows = await this.#query<{ scope: Guid; stream_id: Guid; partitioned: boolean; filter: unknown }>('definitions', []);
        return rows.map((row) => {
            const key: StreamKey = { scope: row.scope, streamId: row.stream_id, public: false };
            return { ...key, partitioned: row.partitioned, filter: streamFilterFromStored(key, row.filter) };
        });
    }

    async #query<Row extends pg.QueryResultRow>(name: StatementName, values: unknown[]): Promise<ReadonlyArray<Row>> {
        const result = await this.#pool.query<Row>({ name: `streams.${name}`, text: statements[name], values });
        return result.rows;
    }

    async #appendError(error: unknown, key: StreamKey, sequenceNumbers: ReadonlyArray<number>): Promise<unknown> {
        const constraint = typeof error === 'object' && error !== null && 'constraint' in error ? error.constraint : undefined;
        if (constraint === 'stream_events_event_log_reference') {
            return new EventIsNotInEventLog(key, sequenceNumbers, { cause: error });
        }
        if (constraint !== 'stream_events_sequence_number_unique') {
            return error;
        }
        const rows = await this.#query<{ event_log_sequence_number: string }>('alreadyInStream', [...streamParameters(key), sequenceNumbers]);
        const stored = rows[0]?.event_log_sequence_number;
        const repeated = stored === undefined ? sequenceNumbers.find((number, index) => sequenceNumbers.indexOf(number) !== index) : Number(stored);
        return new EventIsAlreadyInStream(key, repeated ?? Number.NaN, { cause: error });
    }
}

function streamParameters(key: StreamKey): unknown[] {
    return [key.scope, key.public, key.streamId];
}
