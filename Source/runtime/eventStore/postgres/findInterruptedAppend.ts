import type pg from 'pg';
import type { Guid } from '../../guids/index.js';
import { postgresErrors } from '../../storage/postgres/index.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import { eventColumns, eventFromRow, type EventRow } from './eventRows.js';

/** What a look at the event log found after the connection broke while an append was under way. */
export type InterruptedAppend = 'stored' | 'not stored' | 'unknown';

/** How long the look waits for the database to answer again, and how often it asks. */
export type LookingTime = {
    readonly withinMilliseconds: number;
    readonly everyMilliseconds: number;
};

export const defaultLookingTime: LookingTime = { withinMilliseconds: 10_000, everyMilliseconds: 200 };

const readRange = `SELECT ${eventColumns()} FROM event_log WHERE scope = $1 AND sequence_number BETWEEN $2 AND $3 ORDER BY sequence_number`;

/**
 * When the connection breaks while the server commits (it crashed or the network went), the append may or may not
 * be stored, and answering "unavailable" for a stored commit makes a head that commits again store it twice. So this
 * asks the database, once it answers again, whether the events are at the sequence numbers they were given: the same
 * rows (time of commit, event source, type and content) mean ours are stored, no rows mean they are not, and other
 * rows mean another writer took the numbers (ours are not stored). 'unknown' when the database does not answer in time.
 */
export async function findInterruptedAppend(pool: pg.Pool, scope: Guid, events: ReadonlyArray<CommittedEvent>, time: LookingTime = defaultLookingTime): Promise<InterruptedAppend> {
    const first = events[0];
    const last = events.at(-1);
    if (first === undefined || last === undefined) {
        return 'not stored';
    }
    const deadline = Date.now() + time.withinMilliseconds;
    for (;;) {
        try {
            const result = await pool.query<EventRow>(readRange, [scope, first.sequenceNumber, last.sequenceNumber]);
            const stored = new Map(result.rows.map(eventFromRow).map((event) => [event.sequenceNumber, event]));
            return events.every((event) => isSameEvent(stored.get(event.sequenceNumber), event)) ? 'stored' : 'not stored';
        } catch (error) {
            if (!postgresErrors.isUnavailable(error) || Date.now() + time.everyMilliseconds > deadline) {
                return 'unknown';
            }
            await new Promise((resolve) => setTimeout(resolve, time.everyMilliseconds));
        }
    }
}

function isSameEvent(stored: CommittedEvent | undefined, appended: CommittedEvent): boolean {
    return stored !== undefined
        && stored.occurred === appended.occurred
        && stored.eventSourceId === appended.eventSourceId
        && stored.type.id === appended.type.id
        && stored.type.generation === appended.type.generation
        && stored.content === appended.content
        && stored.executionContext.correlationId === appended.executionContext.correlationId;
}
