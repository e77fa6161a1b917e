import type { ExecutionContext } from '../../execution/index.js';
import type { Guid } from '../../guids/index.js';
import type { CommittedEvent } from '../CommittedEvent.js';

/** One row of the PostgreSQL event_log table as the driver returns it (bigint as text, timestamptz as Date, json parsed). */
export type EventRow = {
    readonly sequence_number: string;
    readonly occurred: Date;
    readonly event_source: string;
    readonly type_id: string;
    readonly type_generation: string;
    readonly public: boolean;
    readonly content: string;
    readonly execution_context: ExecutionContext;
    readonly aggregate_root_id: string | null;
    readonly aggregate_version: string | null;
    readonly external_sequence_number: string | null;
    readonly external_received: Date | null;
    readonly consent: string | null;
};

/** The columns of event_log that make up an event, prefixed by a table alias when one is given. */
export function eventColumns(alias?: string): string {
    const prefix = alias === undefined ? '' : `${alias}.`;
    return [
        'sequence_number',
        'occurred',
        'event_source',
        'type_id',
        'type_generation',
        'public',
        'content',
        'execution_context',
        'aggregate_root_id',
        'aggregate_version',
        'external_sequence_number',
        'external_received',
        'consent',
    ].map((column) => `${prefix}${column}`).join(', ');
}

/** An event read back from an event_log row. */
export function eventFromRow(row: EventRow): CommittedEvent {
    return {
        sequenceNumber: Number(row.sequence_number),
        occurred: row.occurred.getTime(),
        eventSourceId: row.event_source as Guid,
        executionContext: row.execution_context,
        type: { id: row.type_id as Guid, generation: Number(row.type_generation) },
        public: row.public,
        content: row.content,
        aggregate: row.aggregate_root_id === null ? undefined : { aggregateRootId: row.aggregate_root_id as Guid, version: Number(row.aggregate_version ?? 0) },
        external: row.external_sequence_number === null
            ? undefined
            : {
                  externalSequenceNumber: Number(row.external_sequence_number),
                  received: row.external_received?.getTime() ?? 0,
                  consentId: (row.consent ?? '') as Guid,
              },
    };
}
