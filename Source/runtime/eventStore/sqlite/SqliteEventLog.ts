import type { Guid } from '../../guids/index.js';
import { defaultWriteLockWaiting, writeWhenUnlocked, type SqliteDatabase, type WriteLockWaiting } from '../../storage/sqlite/index.js';
import { aggregateKeyText, type AggregateKey, type AggregateVersionChange } from '../AggregateKey.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import type { AggregateEvents, EventLogStorage } from '../EventLogStorage.js';
import { EventLogWasChangedElsewhere } from '../EventLogWasChangedElsewhere.js';
import { EventStoreIsUnavailable } from '../EventStoreIsUnavailable.js';
import { eventColumns, eventFromRow, eventToParameters, type EventRow } from './eventRows.js';

/** A tenant's event logs in the embedded database. */
export class SqliteEventLog implements EventLogStorage {
    readonly #database: SqliteDatabase;
    readonly #statements;
    readonly #appendTransaction;
    readonly #writeLockWaiting: WriteLockWaiting;

    /** Creates the event log over an open database whose migrations have run; a commit waits for another process's lock as told. */
    constructor(database: SqliteDatabase, writeLockWaiting: WriteLockWaiting = defaultWriteLockWaiting) {
        this.#database = database;
        this.#writeLockWaiting = writeLockWaiting;
        this.#statements = {
            count: database.prepare('SELECT COALESCE(MAX(sequence_number) + 1, 0) FROM event_log WHERE scope = ?').pluck(),
            insert: database.prepare(`INSERT INTO event_log (${eventColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
            aggregateVersion: database.prepare('SELECT version FROM aggregates WHERE event_source = ? AND aggregate_root_id = ?').pluck(),
            insertAggregate: database.prepare('INSERT INTO aggregates (event_source, aggregate_root_id, version) VALUES (?, ?, ?)'),
            updateAggregate: database.prepare('UPDATE aggregates SET version = ? WHERE event_source = ? AND aggregate_root_id = ? AND version = ?'),
            aggregateEvents: database.prepare(
                `SELECT * FROM event_log WHERE event_source = ? AND aggregate_root_id = ? AND aggregate_version < ? AND scope = '00000000-0000-0000-0000-000000000000' ORDER BY aggregate_version`,
            ),
            read: database.prepare('SELECT * FROM event_log WHERE scope = ? AND sequence_number >= ? ORDER BY sequence_number LIMIT ?'),
            fullDurability: database.prepare('PRAGMA synchronous = FULL'),
            normalDurability: database.prepare('PRAGMA synchronous = NORMAL'),
        };
        this.#appendTransaction = database.transaction(
            (scope: Guid, events: ReadonlyArray<CommittedEvent>, aggregates: ReadonlyArray<AggregateVersionChange>) => {
                for (const change of aggregates) {
                    this.#moveAggregate(change);
                }
                let executionContext: object | undefined;
                let executionContextText = '';
                for (const event of events) {
                    if (event.executionContext !== executionContext) {
                        executionContext = event.executionContext;
                        executionContextText = JSON.stringify(executionContext);
                    }
                    this.#statements.insert.run(eventToParameters(scope, event, executionContextText));
                }
            },
        );
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
        try {
            await writeWhenUnlocked(() => {
                // Events are acknowledged only once on disk: this commit fsyncs (and with it the bookkeeping before it).
                this.#statements.fullDurability.run();
                try {
                    // IMMEDIATE takes the write lock before the first statement, so a busy database changes nothing.
                    this.#appendTransaction.immediate(scope, events, aggregates);
                } finally {
                    this.#statements.normalDurability.run();
                }
            }, this.#writeLockWaiting);
        } catch (error) {
            if (error instanceof EventLogWasChangedElsewhere) {
                throw error;
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

    #moveAggregate(change: AggregateVersionChange): void {
        if (change.expectedVersion === 0) {
            this.#statements.insertAggregate.run(change.eventSourceId, change.aggregateRootId, change.newVersion);
            return;
        }
        const result = this.#statements.updateAggregate.run(change.newVersion, change.eventSourceId, change.aggregateRootId, change.expectedVersion);
        if (result.changes === 0) {
            throw new EventLogWasChangedElsewhere(
                `aggregate root ${change.aggregateRootId} on event source ${change.eventSourceId} is no longer at version ${change.expectedVersion}`,
            );
        }
    }
}

function isConstraintViolation(error: unknown): boolean {
    return typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}

// Locked by another connection or process, or the disk is full: the commit may succeed later.
function isBusy(error: unknown): boolean {
    return typeof error === 'object' && error !== null && 'code' in error && /^SQLITE_(BUSY|LOCKED|FULL|IOERR)/.test(String(error.code));
}
