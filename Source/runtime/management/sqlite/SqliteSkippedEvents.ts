import { writeWhenUnlocked, type SqliteDatabase } from '../../storage/sqlite/index.js';
import type { StreamProcessorKey } from '../../streams/index.js';
import { skippedEventColumns, skippedEventToParameters } from '../skippedEventColumns.js';
import type { SkippedEvent, SkippedEvents } from '../SkippedEvents.js';

type SkippedEventRow = {
    readonly partition: string;
    readonly position: number;
    readonly event_log_sequence_number: number;
    readonly reason: string;
    readonly processing_attempts: number;
    readonly skipped: number;
    readonly skipped_by: string;
};

/** The skipped events of a tenant in the embedded database. */
export class SqliteSkippedEvents implements SkippedEvents {
    readonly #database: SqliteDatabase;
    readonly #statements;

    /** Creates the store over an open database whose management migrations have run. */
    constructor(database: SqliteDatabase) {
        this.#database = database;
        this.#statements = {
            record: database.prepare(`INSERT INTO skipped_events (${skippedEventColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
            of: database.prepare(`SELECT ${skippedEventColumns} FROM skipped_events WHERE scope = ? AND processor_id = ? AND source_stream_id = ? ORDER BY skipped, position`),
        };
    }

    async record(skip: SkippedEvent): Promise<void> {
        await writeWhenUnlocked(this.#database, () => this.#statements.record.run(...skippedEventToParameters(skip)));
    }

    async of(processor: StreamProcessorKey): Promise<ReadonlyArray<SkippedEvent>> {
        const rows = this.#statements.of.all(processor.scope, processor.processorId, processor.sourceStreamId) as ReadonlyArray<SkippedEventRow>;
        return rows.map((row) => ({
            processor,
            partition: row.partition,
            position: row.position,
            eventLogSequenceNumber: row.event_log_sequence_number,
            reason: row.reason,
            attempts: row.processing_attempts,
            skipped: row.skipped,
            skippedBy: row.skipped_by,
        }));
    }
}
