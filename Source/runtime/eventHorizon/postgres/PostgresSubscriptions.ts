import type pg from 'pg';
import { EventStoreIsUnavailable, insertPostgresEventsStatement, splitPostgresInsertStatements, type CommittedEvent } from '../../eventStore/index.js';
import { postgresErrors, type PostgresDatabase } from '../../storage/postgres/index.js';
import type { SubscriptionKey } from '../SubscriptionKey.js';
import { SubscriptionWasChangedElsewhere, type StoredSubscription, type SubscriptionStorage } from '../SubscriptionStorage.js';
import { lastReceivedOf, storedSubscriptionFromRow, type SubscriptionRow } from '../storedSubscriptionFromRow.js';

const keyColumns = 'producer_microservice, producer_tenant, stream, partition, scope';
const statements = {
    position: `SELECT position::text AS position FROM event_horizon_subscriptions WHERE (${keyColumns}) = ($1, $2, $3, $4, $5)`,
    all: `SELECT ${keyColumns}, position::text AS position, last_received::text AS last_received FROM event_horizon_subscriptions ORDER BY ${keyColumns}`,
    // Inserted at the first batch, moved only from the position the batch was read for: a second writer changes nothing.
    move: `
        INSERT INTO event_horizon_subscriptions (${keyColumns}, position, last_received) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (${keyColumns}) DO UPDATE SET position = excluded.position, last_received = excluded.last_received
        WHERE event_horizon_subscriptions.position = $8`,
};

/** A consumer tenant's subscriptions in its PostgreSQL schema. */
export class PostgresSubscriptions implements SubscriptionStorage {
    readonly #pool: pg.Pool;

    /** Creates the storage over an open schema whose migrations have run. */
    constructor(database: PostgresDatabase) {
        this.#pool = database.pool;
    }

    async position(subscription: SubscriptionKey): Promise<number> {
        const result = await this.#pool.query<{ position: string }>({ name: 'eventHorizon.position', text: statements.position, values: keyOf(subscription) });
        return Number(result.rows[0]?.position ?? 0);
    }

    async all(): Promise<ReadonlyArray<StoredSubscription>> {
        const result = await this.#pool.query<SubscriptionRow>({ name: 'eventHorizon.all', text: statements.all });
        return result.rows.map(storedSubscriptionFromRow);
    }

    async receive(subscription: SubscriptionKey, events: ReadonlyArray<CommittedEvent>, fromPosition: number, toPosition: number): Promise<void> {
        let client: pg.PoolClient;
        try {
            client = await this.#pool.connect();
        } catch (error) {
            throw translated(error, subscription);
        }
        let broken = false;
        try {
            await client.query('BEGIN');
            try {
                const moved = await client.query({ name: 'eventHorizon.move', text: statements.move, values: [...keyOf(subscription), toPosition, lastReceivedOf(events), fromPosition] });
                if (moved.rowCount !== 1) {
                    throw new SubscriptionWasChangedElsewhere(`the subscription is no longer at position ${fromPosition}`);
                }
                for (const run of splitPostgresInsertStatements(events)) {
                    await client.query(insertPostgresEventsStatement(subscription.scope, run));
                }
                await client.query('COMMIT');
            } catch (error) {
                await client.query('ROLLBACK').catch(() => {
                    broken = true;
                });
                throw error;
            }
        } catch (error) {
            throw translated(error, subscription);
        } finally {
            // A connection whose rollback failed is in an unknown state: the pool closes it instead of reusing it.
            client.release(broken);
        }
    }
}

function translated(error: unknown, subscription: SubscriptionKey): unknown {
    if (postgresErrors.isUniqueViolation(error)) {
        return new SubscriptionWasChangedElsewhere(`a sequence number of scope ${subscription.scope} was already taken`, { cause: error });
    }
    if (postgresErrors.isUnavailable(error)) {
        return new EventStoreIsUnavailable(error instanceof Error ? error.message : String(error), { cause: error });
    }
    return error;
}

function keyOf(subscription: SubscriptionKey): string[] {
    return [subscription.producerMicroservice, subscription.producerTenant, subscription.stream, subscription.partition, subscription.scope];
}
