import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from '../../storage/sqlite/index.js';
import { failingPartitionColumns, processorStateColumns } from './stateRows.js';
import { streamEventsJoinedWithEventLog } from './streamEventRows.js';

const streamWhere = 's.scope = ? AND s.public = ? AND s.stream_id = ?';
const processorWhere = 'scope = ? AND processor_id = ? AND source_stream_id = ?';

const sql = {
    definition: 'SELECT partitioned, filter FROM stream_definitions WHERE scope = ? AND public = ? AND stream_id = ?',
    saveDefinition: 'INSERT OR REPLACE INTO stream_definitions (scope, stream_id, public, partitioned, filter) VALUES (?, ?, ?, ?, ?)',
    length: 'SELECT COALESCE(MAX(position) + 1, 0) FROM stream_events WHERE scope = ? AND public = ? AND stream_id = ?',
    read: `${streamEventsJoinedWithEventLog} WHERE ${streamWhere} AND s.position >= ? ORDER BY s.position LIMIT ?`,
    readPartition: `${streamEventsJoinedWithEventLog} WHERE ${streamWhere} AND s.partition = ? AND s.position >= ? AND s.position < ? ORDER BY s.position LIMIT ?`,
    appendEvent: 'INSERT INTO stream_events (scope, public, stream_id, position, partition, event_log_sequence_number) VALUES (?, ?, ?, ?, ?, ?)',
    state: `SELECT ${processorStateColumns} FROM stream_processor_states WHERE ${processorWhere}`,
    failingPartitions: `SELECT ${failingPartitionColumns} FROM failing_partitions WHERE ${processorWhere} ORDER BY partition`,
    saveState: `INSERT OR REPLACE INTO stream_processor_states (${processorStateColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    removeFailingPartitions: `DELETE FROM failing_partitions WHERE ${processorWhere}`,
    processorKeys: 'SELECT scope, processor_id, source_stream_id FROM stream_processor_states ORDER BY scope, processor_id, source_stream_id',
    definitions: 'SELECT scope, stream_id, partitioned, filter FROM stream_definitions WHERE public = 0 ORDER BY scope, stream_id',
    addFailingPartition: `INSERT INTO failing_partitions (${failingPartitionColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

/** The prepared statements of the embedded streams, by name. */
export type SqliteStreamStatements = { readonly [Name in keyof typeof sql]: BetterSqlite3.Statement };

/** Prepares the embedded streams' statements once per database; `length` returns its single value. */
export function sqliteStreamStatements(database: SqliteDatabase): SqliteStreamStatements {
    const statements = Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, database.prepare(text)])) as SqliteStreamStatements;
    statements.length.pluck();
    return statements;
}
