import type pg from 'pg';
import type { AggregateVersionChange } from '../AggregateKey.js';

const text = `
    WITH created AS (
        INSERT INTO aggregates (event_source, aggregate_root_id, version)
        SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[])
        RETURNING 1
    ), moved AS (
        UPDATE aggregates AS aggregate SET version = change.new_version
        FROM unnest($4::uuid[], $5::uuid[], $6::bigint[], $7::bigint[]) AS change(event_source, aggregate_root_id, expected_version, new_version)
        WHERE aggregate.event_source = change.event_source
            AND aggregate.aggregate_root_id = change.aggregate_root_id
            AND aggregate.version = change.expected_version
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM created)::int AS created, (SELECT count(*) FROM moved)::int AS moved`;

/** The number of aggregates the statement is expected to create and to move; fewer moved means another writer won. */
export type ExpectedAggregateMoves = {
    readonly created: number;
    readonly moved: number;
};

/**
 * The one statement that moves aggregate versions for a commit: new aggregates (expected version 0) are inserted,
 * so a duplicate is a unique violation; the others are updated only where still at the expected version.
 */
export function moveAggregatesStatement(aggregates: ReadonlyArray<AggregateVersionChange>): { readonly query: pg.QueryConfig; readonly expected: ExpectedAggregateMoves } {
    const created = aggregates.filter((change) => change.expectedVersion === 0);
    const moved = aggregates.filter((change) => change.expectedVersion !== 0);
    const values = [
        created.map((change) => change.eventSourceId),
        created.map((change) => change.aggregateRootId),
        created.map((change) => change.newVersion),
        moved.map((change) => change.eventSourceId),
        moved.map((change) => change.aggregateRootId),
        moved.map((change) => change.expectedVersion),
        moved.map((change) => change.newVersion),
    ];
    return { query: { name: 'eventStore.moveAggregates', text, values }, expected: { created: created.length, moved: moved.length } };
}
