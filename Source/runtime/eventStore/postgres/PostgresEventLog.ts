import type pg from 'pg';
import { emptyGuid, type Guid } from '../../guids/index.js';
import { postgresErrors, type PostgresDatabase } from '../../storage/postgres/index.js';
import { aggregateKeyText, type AggregateKey, type AggregateVersionChange } from '../AggregateKey.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import type { AggregateEvents, AggregateInstance, EventLogStorage, EventTypeUsage } from '../EventLogStorage.js';
import { EventLogWasChangedElsewhere } from '../EventLogWasChangedElsewhere.js';
import { EventStoreIsUnavailable } from '../EventStoreIsUnavailable.js';
import { eventColumns, eventFromRow, type EventRow } from './eventRows.js';
import { defaultLookingTime, findInterruptedAppend, type LookingTime } from './findInterruptedAppend.js';
import { aggregateWasMovedElsewhere, appendWithAggregatesStatement } from './appendWithAggregatesStatement.js';
import { insertEventsStatement } from './insertEventsStatement.js';
import { moveAggregatesStatement } from './moveAggregatesStatement.js';
import { splitIntoStatements } from './splitIntoStatements.js';

// Prepared per connection by name. Explicit column lists keep them valid when a later migration adds columns.
const statements = {
    nextSequenceNumber: 'SELECT COALESCE(MAX(sequence_number) + 1, 0)::text AS next FROM event_log WHERE scope = $1',
    aggregateVersions: `
        SELECT event_source, aggregate_root_id, version::text AS version FROM aggregates
        WHERE (event_source, aggregate_root_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
    fetchForAggregate: `
        SELECT aggregate.version::text AS aggregate_root_version, ${eventColumns('event')}
        FROM aggregates AS aggregate
        LEFT JOIN event_log AS event
            ON event.scope = '${emptyGuid}' AND event.event_source = aggregate.event_source
            AND event.aggregate_root_id = aggregate.aggregate_root_id AND event.aggregate_version < aggregate.version
        WHERE aggregate.event_source = $1 AND aggregate.aggregate_root_id = $2
        ORDER BY event.aggregate_version`,
    read: `SELECT ${eventColumns()} FROM event_log WHERE scope = $1 AND sequence_number >= $2 ORDER BY sequence_number LIMIT $3`,
    readOfTypes: `
        SELECT ${eventColumns()} FROM event_log
        WHERE scope = $1 AND type_id = ANY($2::uuid[]) AND sequence_number >= $3 ORDER BY sequence_number LIMIT $4`,
    containsTypesBefore: `
        SELECT EXISTS (SELECT 1 FROM event_log WHERE scope = $1 AND type_id = ANY($2::uuid[]) AND sequence_number < $3) AS found`,
    eventTypes: `
        SELECT type_id, type_generation, COUNT(*)::text AS events, MAX(occurred) AS last_occurred FROM event_log
        WHERE scope = $1 GROUP BY type_id, type_generation ORDER BY type_id, type_generation`,
    aggregates: `
        SELECT aggregate_root_id, event_source, version::text AS version FROM aggregates
        WHERE $1::uuid IS NULL OR aggregate_root_id = $1::uuid ORDER BY aggregate_root_id, event_source`,
};

/** A tenant's event logs in its PostgreSQL schema (tables from eventStorePostgresMigrations). */
export class PostgresEventLog implements EventLogStorage {
    readonly #pool: pg.Pool;
    readonly #lookingTime: LookingTime;

    /** Creates the event log over an open schema whose migrations have run. */
    constructor(database: PostgresDatabase, lookingTime: LookingTime = defaultLookingTime) {
        this.#pool = database.pool;
        this.#lookingTime = lookingTime;
    }

    async nextSequenceNumber(scope: Guid): Promise<number> {
        const result = await this.#pool.query<{ next: string }>({ name: 'eventStore.nextSequenceNumber', text: statements.nextSequenceNumber, values: [scope] });
        return Number(result.rows[0]?.next ?? 0);
    }

    async aggregateVersions(aggregates: ReadonlyArray<AggregateKey>): Promise<ReadonlyMap<string, number>> {
        const versions = new Map<string, number>(aggregates.map((aggregate) => [aggregateKeyText(aggregate), 0]));
        if (aggregates.length === 0) {
            return versions;
        }
        const result = await this.#pool.query<{ event_source: Guid; aggregate_root_id: Guid; version: string }>({
            name: 'eventStore.aggregateVersions',
            text: statements.aggregateVersions,
            values: [aggregates.map((aggregate) => aggregate.eventSourceId), aggregates.map((aggregate) => aggregate.aggregateRootId)],
        });
        for (const row of result.rows) {
            versions.set(aggregateKeyText({ eventSourceId: row.event_source, aggregateRootId: row.aggregate_root_id }), Number(row.version));
        }
        return versions;
    }

    async append(scope: Guid, events: ReadonlyArray<CommittedEvent>, aggregates: ReadonlyArray<AggregateVersionChange>): Promise<void> {
        const runs = splitIntoStatements(events);
        try {
            if (runs.length <= 1) {
                // A single statement is a transaction of its own: one round trip per commit.
                if (aggregates.length > 0) {
                    await this.#pool.query(appendWithAggregatesStatement(scope, runs[0] ?? [], aggregates));
                } else if (runs[0] !== undefined) {
                    await this.#pool.query(insertEventsStatement(scope, runs[0]));
                }
                return;
            }
            await this.#appendInTransaction(scope, runs, aggregates);
        } catch (error) {
            if (postgresErrors.isUniqueViolation(error)) {
                const constraint = typeof error === 'object' && error !== null && 'constraint' in error ? String(error.constraint) : 'a unique constraint';
                throw new EventLogWasChangedElsewhere(`${constraint} refused a row that another writer already stored`, { cause: error });
            }
            if (postgresErrors.codeOf(error) === aggregateWasMovedElsewhere) {
                throw new EventLogWasChangedElsewhere(error instanceof Error ? error.message : String(error), { cause: error });
            }
            if (postgresErrors.isUnavailable(error)) {
                // Unless it broke while connecting, the server may have committed before the connection broke:
                // answer what the log holds.
                const found = postgresErrors.isBeforeConnecting(error) ? 'not stored' : await findInterruptedAppend(this.#pool, scope, events, this.#lookingTime);
                if (found === 'stored') {
                    return;
                }
                const detail = error instanceof Error ? error.message : String(error);
                throw new EventStoreIsUnavailable(found === 'unknown' ? `${detail} (whether the events were stored could not be told)` : detail, { cause: error });
            }
            throw error;
        }
    }

    async fetchForAggregate(aggregate: AggregateKey): Promise<AggregateEvents> {
        const result = await this.#pool.query<EventRow & { aggregate_root_version: string }>({
            name: 'eventStore.fetchForAggregate',
            text: statements.fetchForAggregate,
            values: [aggregate.eventSourceId, aggregate.aggregateRootId],
        });
        const first = result.rows[0];
        if (first === undefined) {
            return { version: 0, events: [] };
        }
        const events = result.rows.filter((row) => row.sequence_number !== null).map(eventFromRow);
        return { version: Number(first.aggregate_root_version), events };
    }

    async read(scope: Guid, fromSequenceNumber: number, limit: number): Promise<ReadonlyArray<CommittedEvent>> {
        const result = await this.#pool.query<EventRow>({ name: 'eventStore.read', text: statements.read, values: [scope, fromSequenceNumber, limit] });
        return result.rows.map(eventFromRow);
    }

    async readOfTypes(scope: Guid, types: ReadonlyArray<Guid>, fromSequenceNumber: number, limit: number): Promise<ReadonlyArray<CommittedEvent>> {
        if (types.length === 0) {
            return [];
        }
        const result = await this.#pool.query<EventRow>({
            name: 'eventStore.readOfTypes',
            text: statements.readOfTypes,
            values: [scope, types, fromSequenceNumber, limit],
        });
        return result.rows.map(eventFromRow);
    }

    async containsTypesBefore(scope: Guid, types: ReadonlyArray<Guid>, beforeSequenceNumber: number): Promise<boolean> {
        if (types.length === 0) {
            return false;
        }
        const result = await this.#pool.query<{ found: boolean }>({
            name: 'eventStore.containsTypesBefore',
            text: statements.containsTypesBefore,
            values: [scope, types, beforeSequenceNumber],
        });
        return result.rows[0]?.found === true;
    }

    async eventTypes(scope: Guid): Promise<ReadonlyArray<EventTypeUsage>> {
        const result = await this.#pool.query<{ type_id: Guid; type_generation: string; events: string; last_occurred: Date }>({
            name: 'eventStore.eventTypes',
            text: statements.eventTypes,
            values: [scope],
        });
        return result.rows.map((row) => ({ type: row.type_id, generation: Number(row.type_generation), events: Number(row.events), lastOccurred: row.last_occurred.getTime() }));
    }

    async aggregates(aggregateRootId?: Guid): Promise<ReadonlyArray<AggregateInstance>> {
        const result = await this.#pool.query<{ aggregate_root_id: Guid; event_source: Guid; version: string }>({
            name: 'eventStore.aggregates',
            text: statements.aggregates,
            values: [aggregateRootId ?? null],
        });
        return result.rows.map((row) => ({ aggregateRootId: row.aggregate_root_id, eventSourceId: row.event_source, version: Number(row.version) }));
    }

    async #appendInTransaction(scope: Guid, runs: ReadonlyArray<ReadonlyArray<CommittedEvent>>, aggregates: ReadonlyArray<AggregateVersionChange>): Promise<void> {
        const client = await this.#pool.connect();
        let broken = false;
        try {
            await client.query('BEGIN');
            try {
                if (aggregates.length > 0) {
                    await moveAggregates(client, aggregates);
                }
                for (const run of runs) {
                    await client.query(insertEventsStatement(scope, run));
                }
                await client.query('COMMIT');
            } catch (error) {
                await client.query('ROLLBACK').catch(() => {
                    broken = true;
                });
                throw error;
            }
        } finally {
            // A connection whose rollback failed is in an unknown state: the pool closes it instead of reusing it.
            client.release(broken);
        }
    }
}

async function moveAggregates(client: pg.PoolClient, aggregates: ReadonlyArray<AggregateVersionChange>): Promise<void> {
    const statement = moveAggregatesStatement(aggregates);
    const result = await client.query<{ created: number; moved: number }>(statement.query);
    const moved = result.rows[0]?.moved ?? 0;
    if (moved !== statement.expected.moved) {
        const named = aggregates
            .filter((change) => change.expectedVersion !== 0)
            .slice(0, 5)
            .map((change) => `aggregate root ${change.aggregateRootId} on event source ${change.eventSourceId} expected at version ${change.expectedVersion}`);
        const more = statement.expected.moved > named.length ? ', ...' : '';
        throw new EventLogWasChangedElsewhere(`${statement.expected.moved - moved} of the aggregates moved by the commit were no longer at their expected version (${named.join('; ')}${more})`);
    }
}
