import { eventFromRow, type EventRow } from '../../eventStore/postgres/eventRows.js';
import type { Guid } from '../../guids/index.js';
import type { StreamEvent } from '../StreamEvent.js';

/** One row of a stream read: the stream's columns (bigint as text) joined with the referenced event_log row. */
export type StreamEventRow = EventRow & {
    readonly stream_position: string;
    readonly stream_partition: string;
};

/** A stream event read back from a joined row. */
export function streamEventFromRow(row: StreamEventRow): StreamEvent {
    return { position: Number(row.stream_position), partition: row.stream_partition as Guid, event: eventFromRow(row) };
}
