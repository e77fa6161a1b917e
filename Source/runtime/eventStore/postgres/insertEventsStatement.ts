import type pg from 'pg';
import type { Guid } from '../../guids/index.js';
import type { CommittedEvent } from '../CommittedEvent.js';

const text = `
    INSERT INTO event_log (
        scope, sequence_number, occurred, event_source, type_id, type_generation, public, content, execution_context,
        aggregate_root_id, aggregate_version, external_sequence_number, external_received, consent)
    SELECT $1::uuid, e.*
    FROM unnest(
        $2::bigint[], $3::timestamptz[], $4::uuid[], $5::uuid[], $6::bigint[], $7::boolean[], $8::text[], $9::json[],
        $10::uuid[], $11::bigint[], $12::bigint[], $13::timestamptz[], $14::uuid[]) AS e`;

/**
 * The one statement that inserts a run of events into a scope's log: each column travels as an array and
 * unnest turns them into rows, so any number of events costs fourteen parameters and one round trip.
 */
export function insertEventsStatement(scope: Guid, events: ReadonlyArray<CommittedEvent>): pg.QueryConfig {
    return { name: 'eventStore.insertEvents', text, values: [scope, ...eventsAsColumns(events)] };
}

/** The thirteen columns of event_log after the scope, each as an array with one element per event. */
export function eventsAsColumns(events: ReadonlyArray<CommittedEvent>): ReadonlyArray<ReadonlyArray<unknown>> {
    const columns: unknown[][] = Array.from({ length: 13 }, () => new Array<unknown>(events.length));
    let executionContext: object | undefined;
    let executionContextText = '';
    events.forEach((event, row) => {
        if (event.executionContext !== executionContext) {
            executionContext = event.executionContext;
            executionContextText = JSON.stringify(executionContext);
        }
        const values = [
            event.sequenceNumber,
            new Date(event.occurred).toISOString(),
            event.eventSourceId,
            event.type.id,
            event.type.generation,
            event.public,
            event.content,
            executionContextText,
            event.aggregate?.aggregateRootId ?? null,
            event.aggregate?.version ?? null,
            event.external?.externalSequenceNumber ?? null,
            event.external === undefined ? null : new Date(event.external.received).toISOString(),
            event.external?.consentId ?? null,
        ];
        values.forEach((value, column) => {
            columns[column]![row] = value;
        });
    });
    return columns;
}
