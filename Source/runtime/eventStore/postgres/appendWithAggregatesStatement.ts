import type pg from 'pg';
import type { Guid } from '../../guids/index.js';
import type { AggregateVersionChange } from '../AggregateKey.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import { eventsAsColumns } from './insertEventsStatement.js';

/** The SQLSTATE event_store_append_with_aggregates raises when a moved aggregate is no longer at its expected version. */
export const aggregateWasMovedElsewhere = 'DL001';

const text = `SELECT event_store_append_with_aggregates(
    $1::uuid, $2::bigint[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::bigint[], $7::boolean[], $8::text[], $9::json[],
    $10::uuid[], $11::bigint[], $12::bigint[], $13::timestamptz[], $14::uuid[],
    $15::uuid[], $16::uuid[], $17::bigint[], $18::uuid[], $19::uuid[], $20::bigint[], $21::bigint[])`;

/**
 * The one statement that stores a commit moving aggregates (migration eventStore.2): new aggregates (expected version 0)
 * are inserted, so a duplicate is a unique violation; the others move only where still at their expected version, else
 * it raises aggregateWasMovedElsewhere; then the events are inserted. Run alone, it is one transaction and one round trip.
 */
export function appendWithAggregatesStatement(scope: Guid, events: ReadonlyArray<CommittedEvent>, aggregates: ReadonlyArray<AggregateVersionChange>): pg.QueryConfig {
    const created = aggregates.filter((change) => change.expectedVersion === 0);
    const moved = aggregates.filter((change) => change.expectedVersion !== 0);
    return {
        name: 'eventStore.appendWithAggregates',
        text,
        values: [
            scope,
            ...eventsAsColumns(events),
            created.map((change) => change.eventSourceId),
            created.map((change) => change.aggregateRootId),
            created.map((change) => change.newVersion),
            moved.map((change) => change.eventSourceId),
            moved.map((change) => change.aggregateRootId),
            moved.map((change) => change.expectedVersion),
            moved.map((change) => change.newVersion),
        ],
    };
}
