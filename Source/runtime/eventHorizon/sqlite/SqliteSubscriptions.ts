import { EventStoreIsUnavailable, eventToSqliteParameters, sqliteEventColumns, type CommittedEvent } from '../../eventStore/index.js';
import { defaultWriteLockWaiting, SqliteRowWasNotChanged, SqliteWriter, type SqliteDatabase } from '../../storage/sqlite/index.js';
import type { SubscriptionKey } from '../SubscriptionKey.js';
import { SubscriptionWasChangedElsewhere, type StoredSubscription, type SubscriptionStorage } from '../SubscriptionStorage.js';
import { lastReceivedOf, storedSubscriptionFromRow, type SubscriptionRow } from '../storedSubscriptionFromRow.js';

const keyColumns = 'producer_microservice, producer_tenant, stream, partition, scope';
const sql = {
    position: `SELECT position FROM event_horizon_subscriptions WHERE (${keyColumns}) = (?, ?, ?, ?, ?)`,
    all: `SELECT ${keyColumns}, position, last_received FROM event_horizon_subscriptions ORDER BY ${keyColumns}`,
    // Inserted at the first batch, moved only from the position the batch was read for: a second writer changes nothing.
    move: `
        INSERT INTO event_horizon_subscriptions (${keyColumns}, position, last_received) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (${keyColumns}) DO UPDATE SET position = excluded.position, last_received = excluded.last_received
        WHERE event_horizon_subscriptions.position = ?`,
    insertEvent: `INSERT INTO event_log (${sqliteEventColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
};

/** A consumer tenant's subscriptions in the embedded database; writes go through a writer thread of their own. */
export class SqliteSubscriptions implements SubscriptionStorage {
    readonly #database: SqliteDatabase;
    readonly #writer: SqliteWriter;

    /** Creates the storage over an open file whose migrations have run. */
    constructor(database: SqliteDatabase, lockTimeout = defaultWriteLockWaiting.deadline) {
        this.#database = database;
        this.#writer = new SqliteWriter(database, lockTimeout);
    }

    /** Ends the writer's connection and thread. */
    close(): Promise<void> {
        return this.#writer.close();
    }

    position(subscription: SubscriptionKey): Promise<number> {
        const found = this.#database.prepare(sql.position).pluck().get(...keyOf(subscription)) as number | undefined;
        return Promise.resolve(found ?? 0);
    }

    all(): Promise<ReadonlyArray<StoredSubscription>> {
        const rows = this.#database.prepare(sql.all).all() as SubscriptionRow[];
        return Promise.resolve(rows.map(storedSubscriptionFromRow));
    }

    async receive(subscription: SubscriptionKey, events: ReadonlyArray<CommittedEvent>, fromPosition: number, toPosition: number): Promise<void> {
        const rows = events.map((event) => eventToSqliteParameters(subscription.scope, event, JSON.stringify(event.executionContext)));
        try {
            await this.#writer.write([
                { sql: sql.move, rows: [[...keyOf(subscription), toPosition, lastReceivedOf(events), fromPosition]], eachRowChangesOneRow: true },
                { sql: sql.insertEvent, rows },
            ]);
        } catch (error) {
            if (error instanceof SqliteRowWasNotChanged) {
                throw new SubscriptionWasChangedElsewhere(`the subscription is no longer at position ${fromPosition}`, { cause: error });
            }
            const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
            if (code.startsWith('SQLITE_CONSTRAINT')) {
                throw new SubscriptionWasChangedElsewhere(`a sequence number of scope ${subscription.scope} was already taken`, { cause: error });
            }
            if (/^SQLITE_(BUSY|LOCKED|FULL|IOERR)/.test(code)) {
                throw new EventStoreIsUnavailable(error instanceof Error ? error.message : String(error), { cause: error });
            }
            throw error;
        }
    }
}

function keyOf(subscription: SubscriptionKey): ReadonlyArray<string> {
    return [subscription.producerMicroservice, subscription.producerTenant, subscription.stream, subscription.partition, subscription.scope];
}
