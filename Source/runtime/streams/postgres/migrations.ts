import type { PostgresMigration } from '../../storage/postgres/index.js';

/**
 * The streams' tables in a tenant's PostgreSQL schema; they run after the event store's migrations, because
 * stream events reference the event_log rows of their scope instead of copying them (reads join event_log).
 * Times are milliseconds since the epoch (bigint); a retry time of Number.MAX_SAFE_INTEGER means "never retry".
 */
export const streamsPostgresMigrations: ReadonlyArray<PostgresMigration> = [
    {
        name: 'streams.1.definitionsEventsAndProcessorStates',
        sql: `
            CREATE TABLE stream_definitions (
                scope uuid NOT NULL,
                stream_id uuid NOT NULL,
                public boolean NOT NULL,
                partitioned boolean NOT NULL,
                filter jsonb NOT NULL,
                PRIMARY KEY (scope, public, stream_id)
            );
            CREATE TABLE stream_events (
                scope uuid NOT NULL,
                public boolean NOT NULL,
                stream_id uuid NOT NULL,
                position bigint NOT NULL,
                partition uuid NOT NULL,
                event_log_sequence_number bigint NOT NULL,
                CONSTRAINT stream_events_pkey PRIMARY KEY (scope, public, stream_id, position),
                CONSTRAINT stream_events_sequence_number_unique UNIQUE (scope, public, stream_id, event_log_sequence_number)
            );
            -- No foreign key to event_log: its check would lock the event_log row (a write, and a MultiXact when several
            -- streams take the same event at once) and doubled the cost of an append. The append statement instead
            -- reads event_log and calls this function, which aborts the statement, when an event is missing.
            CREATE FUNCTION streams_event_is_not_in_event_log(scope uuid) RETURNS bigint LANGUAGE plpgsql AS $function$
            BEGIN
                RAISE EXCEPTION 'An appended event is not in the event log of scope %', scope
                    USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'stream_events_event_log_reference';
            END
            $function$;
            -- Covers partition reads: the sequence number is in the index, so only event_log is visited per event.
            CREATE INDEX stream_events_by_partition ON stream_events (scope, public, stream_id, partition, position) INCLUDE (event_log_sequence_number);
            CREATE TABLE stream_processor_states (
                scope uuid NOT NULL,
                processor_id uuid NOT NULL,
                source_stream_id uuid NOT NULL,
                partitioned boolean NOT NULL,
                position bigint NOT NULL,
                last_successfully_processed bigint NOT NULL,
                is_failing boolean NOT NULL DEFAULT false,
                failure_reason text NOT NULL DEFAULT '',
                processing_attempts integer NOT NULL DEFAULT 0,
                retry_time bigint NOT NULL DEFAULT 0,
                last_failed bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (scope, processor_id, source_stream_id)
            );
            CREATE TABLE failing_partitions (
                scope uuid NOT NULL,
                processor_id uuid NOT NULL,
                source_stream_id uuid NOT NULL,
                partition uuid NOT NULL,
                position bigint NOT NULL,
                retry_time bigint NOT NULL,
                reason text NOT NULL,
                processing_attempts integer NOT NULL,
                last_failed bigint NOT NULL,
                PRIMARY KEY (scope, processor_id, source_stream_id, partition)
            );
        `,
    },
];
