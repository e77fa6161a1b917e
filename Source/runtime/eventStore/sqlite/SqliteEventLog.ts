import type { Guid } from '../../guids/index.js';
import { defaultWriteLockWaiting, SqliteRowWasNotChanged, SqliteWriter, type SqliteDatabase } from '../../storage/sqlite/index.js';
import { aggregateKeyText, type AggregateKey, type AggregateVersionChange } from '../AggregateKey.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import type { AggregateEvents, AggregateInstance, EventLogStorage, EventTypeUsage } from '../EventLogStorage.js';
import { EventLogWasChangedElsewhere } from '../EventLogWasChangedElsewhere.js';
import { EventStoreIsUnavailable } from '../EventStoreIsUnavailable.js';
import { eventColumns, eventFromRow, eventToParameters, type EventRow } from './eventRows.js';

const sql = {
    insertEvent: `INSERT INTO event_log (${eventColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    insertAggregate: 'INSERT INTO aggregates (event_source, aggregate_root_id, version) VALUES (?, ?, ?)',
    moveAggregate: 'UPDATE aggregates SET version = ? WHERE event_source = ? AND aggregate_root_id = ? AND version = ?',
};

/**
 * A tenant's event logs in the embedded database. Reads use the database's connection; appends go to a writer of
 * their own (SqliteWriter: another connection, in a worker thread, at synchronous=FULL), so that storing a big
 * batch and waiting for the disk never hold the event loop.
 */
export class SqliteEventLog implements EventLogStorage {
    readonly #database: SqliteDatabase;
    readonly #statements;
    readonly #writer: SqliteWriter;

    /** Creates the event log over an open file whose migrations have run; a commit waits for another process's write lock up to lockTimeout ms. */
    constructor(database: SqliteDatabase, lockTimeout = defaultWriteLockWaiting.deadline) {
        this.#database = database;
        this.#writer = new SqliteWriter(database, lockTimeout);
        this.#statements = {
            count: database.prepare('SELECT COALESCE(MAX(sequence_number) + 1, 0) FROM event_log WHERE scope = ?').pluck(),
            aggregateVersion: database.prepare('SELECT version FROM aggregates WHERE event_source = ? AND aggregate_root_id = ?').pluck(),
            aggregateEvents: database.prepare(
                `SELECT * FROM event_log WHERE event_source = ? AND aggregate_root_id = ? AND aggregate_version < ? AND scope = '00000000-0000-0000-0000-000000000000' ORDER BY aggregate_version`,
            ),
            read: database.prepare('SELECT * FROM event_log WHERE scope = ? AND sequence_number >= ? ORDER BY sequence_number LIMIT ?'),
            eventTypes: database.prepare(
                'SELECT type_id, type_generation, COUNT(*) AS events, MAX(occurred) AS last_occurred FROM event_log WHERE scope = ? GROUP BY type_id, type_generation ORDER BY type_id, type_generation',
            ),
            aggregates: database.prepare(
                'SELECT aggregate_root_id, event_source, version FROM aggregates WHERE ? IS NULL OR aggregate_root_id = ? ORDER BY aggregate_root_id, event_source',
            ),
        };
    }

    async eventTypes(scope: Guid): Promise<ReadonlyArray<EventTypeUsage>> {
        const rows = this.#statements.eventTypes.all(scope) as ReadonlyArray<{ type_id: Guid; type_generation: number; events: number; last_occurred: number }>;
        return rows.map((row) => ({ type: row.type_id, generation: row.type_generation, events: row.events, lastOccurred: row.last_occurred }));
    }

    async aggregates(aggregateRootId?: Guid): Promise<ReadonlyArray<AggregateInstance>> {
        const root = aggregateRootId ?? null;
        const rows = this.#statements.aggregates.all(root, root) as ReadonlyArray<{ aggregate_root_id: Guid; event_source: Guid; version: number }>;
        return rows.map((row) => ({ aggregateRootId: row.aggregate_root_id, eventSourceId: row.event_source, version: row.version }));
    }

    /** Ends the writer's connection and thread (the database's own connection is closed by its owner). */
    close(): Promise<void> {
        return this.#writer.close();
    }

    nextSequenceNumber(scope: Guid): Promise<number> {
        return Promise.resolve(this.#statements.count.get(scope) as number);
    }

    aggregateVersions(aggregates: ReadonlyArray<AggregateKey>): Promise<ReadonlyMap<string, number>> {
        const versions = new Map<string, number>();
        for (const aggregate of aggregates) {
            const version = this.#statements.aggregateVersion.get(aggregate.eventSourceId, aggregate.aggregateRootId) as number | undefined;
            versions.set(aggregateKeyText(aggregate), version ?? 0);
        }
        return Promise.resolve(versions);
    }

    async append(scope: Guid, events: ReadonlyArray<CommittedEvent>, aggregates: ReadonlyArray<AggregateVersionChange>): Promise<void> {
        const created = aggregates.filter((change) => change.expectedVersion === 0);
        const moved = aggregates.filter((change) => change.expectedVersion !== 0);
        let executionContext: object | undefined;
        let executionContextText = '';
        const rows = events.map((event) => {
            if (event.executionContext !== executionContext) {
                executionContext = event.executionContext;
                executionContextText = JSON.stringify(executionContext);
            }
            return eventToParameters(scope, event, executionContextText);
        });
        try {
            await this.#writer.write([
                { sql: sql.moveAggregate, rows: moved.map((change) => [change.newVersion, change.eventSourceId, change.aggregateRootId, change.expectedVersion]), eachRowChangesOneRow: true },
                { sql: sql.insertAggregate, rows: created.map((change) => [change.eventSourceId, change.aggregateRootId, change.newVersion]) },
                { sql: sql.insertEvent, rows },
            ]);
        } catch (error) {
            if (error instanceof SqliteRowWasNotChanged) {
                const change = moved[error.row];
                throw new EventLogWasChangedElsewhere(
                    `aggregate root ${change?.aggregateRootId} on event source ${change?.eventSourceId} is no longer at version ${change?.expectedVersion}`,
                    { cause: error },
                );
            }
            if (isConstraintViolation(error)) {
                throw new EventLogWasChangedElsewhere('a sequence number or aggregate was already taken', { cause: error });
            }
            if (isBusy(error)) {
                throw new EventStoreIsUnavailable(error instanceof Error ? error.message : String(error), { cause: error });
            }
            throw error;
        }
    }

    fetchForAggregate(aggregate: AggregateKey): Promise<AggregateEvents> {
        const version = (this.#statements.aggregateVersion.get(aggregate.eventSourceId, aggregate.aggregateRootId) as number | undefined) ?? 0;
        if (version === 0) {
            return Promise.resolve({ version: 0, events: [] });
        }
        const rows = this.#statements.aggregateEvents.all(aggregate.eventSourceId, aggregate.aggregateRootId, version) as EventRow[];
        return Promise.resolve({ version, events: rows.map(eventFromRow) });
    }

    read(scope: Guid, fromSequenceNumber: number, limit: number): Promise<ReadonlyArray<CommittedEvent>> {
        const rows = this.#statements.read.all(scope, fromSequenceNumber, limit) as EventRow[];
        return Promise.resolve(rows.map(eventFromRow));
    }

    readOfTypes(scope: Guid, types: ReadonlyArray<Guid>, fromSequenceNumber: number, limit: number): Promise<ReadonlyArray<CommittedEvent>> {
        if (types.length === 0) {
            return Promise.resolve([]);
        }
        const placeholders = types.map(() => '?').join(', ');
        const rows = this.#database
            .prepare(`SELECT * FROM event_log WHERE scope = ? AND type_id IN (${placeholders}) AND sequence_number >= ? ORDER BY sequence_number LIMIT ?`)
            .all(scope, ...types, fromSequenceNumber, limit) as EventRow[];
        return Promise.resolve(rows.map(eventFromRow));
    }

    containsTypesBefore(scope: Guid, types: ReadonlyArray<Guid>, beforeSequenceNumber: number): Promise<boolean> {
        if (types.length === 0) {
            return Promise.resolve(false);
        }
        const placeholders = types.map(() => '?').join(', ');
        const found = this.#database
            .prepare(`SELECT 1 FROM event_log WHERE scope = ? AND type_id IN (${placeholders}) AND sequence_number < ? LIMIT 1`)
            .get(scope, ...types, beforeSequenceNumber);
        return Promise.resolve(found !== undefined);
    }
}

function isConstraintViolation(error: unknown): boolean {
    return typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

// Locked by another connection or process, or the disk is full: the commit may succeed later.
function isBusy(error: unknown): boolean {
    return typeof error === 'object' && error !== null && 'code' in error && /^SQLITE_(BUSY|LOCKED|FULL|IOERR)/.test(String(error.code));
}
