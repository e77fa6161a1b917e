import type { ExecutionContext } from '../../execution/index.js';
import type { Guid } from '../../guids/index.js';
import type { CommittedEvent } from '../CommittedEvent.js';

/** One row of the embedded event_log table. */
export type EventRow = {
    readonly sequence_number: number;
    readonly occurred: number;
    readonly event_source: string;
    readonly type_id: string;
    readonly type_generation: number;
    readonly public: number;
    readonly content: string;
    readonly execution_context: string;
    readonly aggregate_root_id: string | null;
    readonly aggregate_version: number | null;
    readonly external_sequence_number: number | null;
    readonly external_received: number | null;
    readonly consent: string | null;
};

/** The columns of event_log in the order eventToParameters gives them. */
export const eventColumns =
    'scope, sequence_number, occurred, event_source, type_id, type_generation, public, content, execution_context, aggregate_root_id, aggregate_version, external_sequence_number, external_received, consent';

/** The parameters to insert one event into event_log. */
export function eventToParameters(scope: Guid, event: CommittedEvent, executionContext: string): unknown[] {
    return [
        scope,
        event.sequenceNumber,
        event.occurred,
        event.eventSourceId,
        event.type.id,
        event.type.generation,
        event.public ? 1 : 0,
        event.content,
        executionContext,
        event.aggregate?.aggregateRootId ?? null,
        event.aggregate?.version ?? null,
        event.external?.externalSequenceNumber ?? null,
        event.external?.received ?? null,
        event.external?.consentId ?? null,
    ];
}

/** An event read back from an event_log row. */
export function eventFromRow(row: EventRow): CommittedEvent {
    return {
        sequenceNumber: row.sequence_number,
        occurred: row.occurred,
        eventSourceId: row.event_source as Guid,
        executionContext: JSON.parse(row.execution_context) as ExecutionContext,
        type: { id: row.type_id as Guid, generation: row.type_generation },
        public: row.public === 1,
        content: row.content,
        aggregate: row.aggregate_root_id === null ? undefined : { aggregateRootId: row.aggregate_root_id as Guid, version: row.aggregate_version ?? 0 },
        external: row.external_sequence_number === null
            ? undefined
            : { externalSequenceNumber: row.external_sequence_number, received: row.external_received ?? 0, consentId: (row.consent ?? '') as Guid },
    };
}
