import { eventColumns } from '../../eventStore/postgres/eventRows.js';

/**
 * The SQL of the PostgreSQL streams. Each runs as one named statement (prepared once per connection), so every
 * call is one round trip and one implicit transaction.
 */

const stateColumns = 'partitioned, position, last_successfully_processed, is_failing, failure_reason, processing_attempts, retry_time, last_failed';
const failingPartitionColumns = 'partition, position, retry_time, reason, processing_attempts, last_failed';
const failingPartitionValueColumns = 'position, retry_time, reason, processing_attempts, last_failed';

// Saves the processor row (parameters from `first` on: the key, then the row, see stateToParameters) and makes
// its failing partitions exactly those given: none, or the arrays that follow (see failingPartitionsToParameters).
// Unchanged failing partitions are rewritten too: skipping them with a WHERE on the conflict update (which still
// locks the skipped row) measured about three times slower with pgbench.
function saveStateExpressions(first: number, withFailingPartitions: boolean): string {
    const [scope, processor, source] = [first, first + 1, first + 2].map((number) => `$${number}`);
    const row = Array.from({ length: 8 }, (_, index) => `$${first + 3 + index}`).join(', ');
    const arrays = ['uuid', 'bigint', 'bigint', 'text', 'integer', 'bigint'].map((type, index) => `$${first + 11 + index}::${type}[]`);
    const savedState = `
        saved_state AS (
            INSERT INTO stream_processor_states (scope, processor_id, source_stream_id, ${stateColumns}) VALUES (${scope}, ${processor}, ${source}, ${row})
            ON CONFLICT (scope, processor_id, source_stream_id) DO UPDATE SET (${stateColumns}) = (${prefixed('EXCLUDED', stateColumns)})
        )`;
    const key = `scope = ${scope} AND processor_id = ${processor} AND source_stream_id = ${source}`;
    if (!withFailingPartitions) {
        return `${savedState}, removed_partitions AS (DELETE FROM failing_partitions WHERE ${key})`;
    }
    return `${savedState},
        removed_partitions AS (DELETE FROM failing_partitions WHERE ${key} AND partition <> ALL (${arrays[0]})),
        saved_partitions AS (
            INSERT INTO failing_partitions (scope, processor_id, source_stream_id, ${failingPartitionColumns})
            SELECT ${scope}, ${processor}, ${source}, failing.* FROM unnest(${arrays.join(', ')}) AS failing (${failingPartitionColumns})
            ON CONFLICT (scope, processor_id, source_stream_id, partition) DO UPDATE SET (${failingPartitionValueColumns}) = (${prefixed('EXCLUDED', failingPartitionValueColumns)})
        )`;
}

// Processor positions are bookkeeping derived from the event log, so their commits do not wait for the WAL flush.
// set_config(..., true) is SET LOCAL as a function, which lets the setting ride in the same single statement: it holds
// until this statement's implicit transaction commits. A Runtime crash loses nothing (the server has the commit); a
// server crash can lose the last ones, and processing then repeats from an older position, but never skips. Stream
// appends (a filter's chosen events with its position) and a projection's read models do wait for the flush: the
// Runtime goes on from the position it holds in memory when the server comes back, so an append the server lost in
// a crash would leave a hole in the stream that nothing fills (the torture suite found such holes).
const withoutWaitingForFlush = "set_config('synchronous_commit', 'off', true)";

// Appends events ($1 scope, $2 public, $3 stream id, $4 partitions, $5 event log sequence numbers) numbered from
// the stream's length, and saves the filter's state (from $6 on), all in one statement and transaction. Only
// events found in the scope's event log are inserted; when one is missing, the function call aborts the
// statement, so nothing is written.
function appendAndSaveState(withFailingPartitions: boolean): string {
    return `
        WITH ${saveStateExpressions(6, withFailingPartitions)},
        next AS (
            SELECT COALESCE(MAX(position) + 1, 0) AS position FROM stream_events WHERE scope = $1 AND public = $2 AND stream_id = $3
        ),
        appended AS (
            INSERT INTO stream_events (scope, public, stream_id, position, partition, event_log_sequence_number)
            SELECT $1::uuid, $2::boolean, $3::uuid, next.position + chosen.index - 1, chosen.partition, chosen.sequence_number
            FROM next, unnest($4::uuid[], $5::bigint[]) WITH ORDINALITY AS chosen (partition, sequence_number, index)
            WHERE EXISTS (SELECT FROM event_log e WHERE e.scope = $1 AND e.sequence_number = chosen.sequence_number)
            RETURNING 1
        )
        SELECT
            CASE WHEN (SELECT count(*) FROM appended) = cardinality($5::bigint[]) THEN next.position ELSE streams_event_is_not_in_event_log($1) END
                AS first_position
        FROM next`;
}

const streamEventsJoinedWithEventLog = `
    SELECT s.position AS stream_position, s.partition AS stream_partition, ${eventColumns('e')}
    FROM stream_events s
    JOIN event_log e ON e.scope = s.scope AND e.sequence_number = s.event_log_sequence_number`;

/** The named statements of the PostgreSQL streams. */
export const postgresStreamStatements = {
    definition: 'SELECT partitioned, filter FROM stream_definitions WHERE scope = $1 AND public = $2 AND stream_id = $3',
    saveDefinition: `
        INSERT INTO stream_definitions (scope, stream_id, public, partitioned, filter) VALUES ($1, $2, $3, $4, $5::jsonb)
        ON CONFLICT (scope, public, stream_id) DO UPDATE SET partitioned = EXCLUDED.partitioned, filter = EXCLUDED.filter`,
    length: 'SELECT COALESCE(MAX(position) + 1, 0) AS length FROM stream_events WHERE scope = $1 AND public = $2 AND stream_id = $3',
    read: `${streamEventsJoinedWithEventLog}
        WHERE s.scope = $1 AND s.public = $2 AND s.stream_id = $3 AND s.position >= $4 ORDER BY s.position LIMIT $5`,
    readPartition: `${streamEventsJoinedWithEventLog}
        WHERE s.scope = $1 AND s.public = $2 AND s.stream_id = $3 AND s.partition = $4 AND s.position >= $5 AND s.position < $6
        ORDER BY s.position LIMIT $7`,
    state: `
        SELECT ${stateColumns},
            (SELECT COALESCE(json_agg(json_build_object(${jsonPairs('f', failingPartitionColumns)}) ORDER BY f.partition), '[]'::json)
             FROM failing_partitions f
             WHERE f.scope = s.scope AND f.processor_id = s.processor_id AND f.source_stream_id = s.source_stream_id) AS failing_partitions
        FROM stream_processor_states s WHERE scope = $1 AND processor_id = $2 AND source_stream_id = $3`,
    processorKeys: 'SELECT scope, processor_id, source_stream_id FROM stream_processor_states ORDER BY scope, processor_id, source_stream_id',
    definitions: 'SELECT scope, stream_id, partitioned, filter FROM stream_definitions WHERE public = false ORDER BY scope, stream_id',
    saveState: `WITH ${saveStateExpressions(1, true)} SELECT ${withoutWaitingForFlush}`,
    saveStateWithoutFailingPartitions: `WITH ${saveStateExpressions(1, false)} SELECT ${withoutWaitingForFlush}`,
    saveStateDurably: `WITH ${saveStateExpressions(1, true)} SELECT 1`,
    saveStateDurablyWithoutFailingPartitions: `WITH ${saveStateExpressions(1, false)} SELECT 1`,
    appendAndSaveState: appendAndSaveState(true),
    appendAndSaveStateWithoutFailingPartitions: appendAndSaveState(false),
    alreadyInStream: `
        SELECT event_log_sequence_number FROM stream_events
        WHERE scope = $1 AND public = $2 AND stream_id = $3 AND event_log_sequence_number = ANY ($4::bigint[])
        ORDER BY event_log_sequence_number LIMIT 1`,
} as const;

function prefixed(table: string, columns: string): string {
    return columns.split(', ').map((column) => `${table}.${column}`).join(', ');
}

function jsonPairs(table: string, columns: string): string {
    return columns.split(', ').map((column) => `'${column}', ${table}.${column}`).join(', ');
}
