import { writeWhenUnlocked, type SqliteDatabase } from '../../storage/sqlite/index.js';
import type { StreamProcessorKey } from '../../streams/index.js';
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

const columns = 'scope, processor_id, source_stream_id, partition, position, event_log_sequence_number, reason, processing_attempts, skipped, skipped_by';

/** The skipped events of a tenant in the embedded database. */
export class SqliteSkippedEvents implements SkippedEvents {
    readonly #statements;

    /** Creates the store over an open database whose management migrations have run. */
    constructor(database: SqliteDatabase) {
        this.#statements = {
            record: database.prepare(`INSERT INTO skipped_events (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
            of: database.prepare(`SELECT ${columns} FROM skipped_events WHERE scope = ? AND processor_id = ? AND source_stream_id = ? ORDER BY skipped, position`),
        };
    }

    async record(skip: SkippedEvent): Promise<void> {
        const { processor } = skip;
        await writeWhenUnlocked(() =>
            this.#statements.record.run(
                processor.scope,
                processor.processorId,
                processor.sourceStreamId,
                skip.partition,
                skip.position,
                skip.eventLogSequenceNumber,
                skip.reason,
                skip.attempts,
                skip.skipped,
                skip.skippedBy,
            ),
        );
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
