import type pg from 'pg';
import type { PostgresDatabase } from '../../storage/postgres/index.js';
import type { StreamProcessorKey } from '../../streams/index.js';
import { skippedEventColumns, skippedEventToParameters } from '../skippedEventColumns.js';
import type { SkippedEvent, SkippedEvents } from '../SkippedEvents.js';

type SkippedEventRow = {
    readonly partition: string;
    readonly position: string;
    readonly event_log_sequence_number: string;
    readonly reason: string;
    readonly processing_attempts: number;
    readonly skipped: string;
    readonly skipped_by: string;
};

const statements = {
    record: `INSERT INTO skipped_events (${skippedEventColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    of: `SELECT ${skippedEventColumns} FROM skipped_events WHERE scope = $1 AND processor_id = $2 AND source_stream_id = $3 ORDER BY skipped, position`,
};

/** The skipped events of a tenant in its PostgreSQL schema. */
export class PostgresSkippedEvents implements SkippedEvents {
    readonly #pool: pg.Pool;

    /** Creates the store over an open schema whose management migrations have run. */
    constructor(database: PostgresDatabase) {
        this.#pool = database.pool;
    }

    async record(skip: SkippedEvent): Promise<void> {
        await this.#pool.query({ name: 'management.recordSkippedEvent', text: statements.record, values: skippedEventToParameters(skip) });
    }

    async of(processor: StreamProcessorKey): Promise<ReadonlyArray<SkippedEvent>> {
        const result = await this.#pool.query<SkippedEventRow>({
            name: 'management.skippedEventsOf',
            text: statements.of,
            values: [processor.scope, processor.processorId, processor.sourceStreamId],
        });
        return result.rows.map((row) => ({
            processor,
            partition: row.partition,
            position: Number(row.position),
            eventLogSequenceNumber: Number(row.event_log_sequence_number),
            reason: row.reason,
            attempts: row.processing_attempts,
            skipped: Number(row.skipped),
            skippedBy: row.skipped_by,
        }));
    }
}
