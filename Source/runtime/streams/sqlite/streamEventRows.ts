import { eventFromRow, type EventRow } from '../../eventStore/sqlite/eventRows.js';
import type { Guid } from '../../guids/index.js';
import type { StreamEvent } from '../StreamEvent.js';

/** One row of a stream read: the stream's columns joined with the referenced event_log row. */
export type StreamEventRow = EventRow & {
    readonly stream_position: number;
    readonly stream_partition: string;
};

/** The select list and join of a stream read; the caller adds WHERE, ORDER BY and LIMIT. */
export const streamEventsJoinedWithEventLog = `
    SELECT s.position AS stream_position, s.partition AS stream_partition, e.*
    FROM stream_events s
    JOIN event_log e ON e.scope = s.scope AND e.sequence_number = s.event_log_sequence_number`;

/** A stream event read back from a joined row. */
export function streamEventFromRow(row: StreamEventRow): StreamEvent {
    return { position: row.stream_position, partition: row.stream_partition as Guid, event: eventFromRow(row) };
}
