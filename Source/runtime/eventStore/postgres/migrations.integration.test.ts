import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../failures/index.js';
import { emptyGuid, type Guid } from '../../guids/index.js';
import { postgresForTests } from '../../storage/postgres/given/postgresForTests.js';
import type { CommitAggregateEventsRequest } from '../CommitRequest.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import { EventStore } from '../EventStore.js';
import { EventLogWasChangedElsewhere } from '../EventLogWasChangedElsewhere.js';
import { eventStoreFailureIds } from '../failures.js';
import { dishPrepared } from '../given/aCommittedEvent.js';
import { anExecutionContext } from '../given/anExecutionContext.js';
import { aSilentLogger } from '../given/aSilentLogger.js';
import { insertEventsStatement } from './insertEventsStatement.js';
import { eventStorePostgresMigrations } from './migrations.js';
import { moveAggregatesStatement } from './moveAggregatesStatement.js';
import { PostgresEventLog } from './PostgresEventLog.js';

const postgres = await postgresForTests(import.meta.url);

const kitchen = 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid;
const kitchenRoot = 'e6a4f5c2-8b3c-4c9b-b1f5-2f6c3c9a7d10' as Guid;

function aCommitForTheKitchen(expectedVersion: number): CommitAggregateEventsRequest {
    const event = { type: { id: dishPrepared, generation: 1 }, public: false, content: `{"at":${expectedVersion}}` };
    return { kind: 'aggregate', executionContext: anExecutionContext(), aggregateRootId: kitchenRoot, eventSourceId: kitchen, expectedVersion, events: [event, event] };
}

function versionsOf(result: Result<ReadonlyArray<CommittedEvent>>): ReadonlyArray<number | undefined> | Guid {
    return result.succeeded ? result.value.map((event) => event.aggregate?.version) : result.failure.id;
}

describe.skipIf(!postgres.available)('an event store schema of the first migration only, opened by this Runtime', () => {
    let before: ReadonlyArray<CommittedEvent>;
    let after: ReadonlyArray<CommittedEvent>;
    let next: Result<ReadonlyArray<CommittedEvent>>;
    let stale: Result<ReadonlyArray<CommittedEvent>>;
    let migrations: ReadonlyArray<string>;
    beforeAll(async () => {
        // Stored as a Runtime before the second migration stored them: the aggregate moved, then the events inserted.
        const older = await postgres.openSchema({ migrations: eventStorePostgresMigrations.slice(0, 1) });
        const stored = [anEvent(0, 0), anEvent(1, 1), anEvent(2, undefined)];
        await older.pool.query(moveAggregatesStatement([{ eventSourceId: kitchen, aggregateRootId: kitchenRoot, expectedVersion: 0, newVersion: 2 }]).query);
        await older.pool.query(insertEventsStatement(emptyGuid, stored));
        before = await new PostgresEventLog(older).read(emptyGuid, 0, 100);
        await older.close();

        const current = await postgres.openSchema({ migrations: eventStorePostgresMigrations, schema: older.schema });
        const log = new PostgresEventLog(current);
        after = await log.read(emptyGuid, 0, 100);
        const store = new EventStore(log, aSilentLogger());
        next = await store.commitForAggregate(aCommitForTheKitchen(2));
        stale = await store.commitForAggregate(aCommitForTheKitchen(2));
        migrations = (await current.pool.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY applied, name')).rows.map((row) => row.name);
    });
    it('applies the later migrations', () => {
        expect(migrations).toEqual(eventStorePostgresMigrations.map((migration) => migration.name));
    });
    it('keeps the events stored before', () => {
        expect([before.length, after]).toEqual([3, before]);
    });
    it('commits for the aggregate at the version stored before', () => {
        expect(versionsOf(next)).toEqual([2, 3]);
    });
    it('fails a commit at a stale version with a concurrency conflict', () => {
        expect(versionsOf(stale)).toBe(eventStoreFailureIds.aggregateRootConcurrencyConflict);
    });
});

function anEvent(sequenceNumber: number, version: number | undefined): CommittedEvent {
    return {
        sequenceNumber,
        occurred: 1_700_000_000_000 + sequenceNumber,
        eventSourceId: kitchen,
        executionContext: anExecutionContext(),
        type: { id: dishPrepared, generation: 1 },
        public: false,
        content: `{"number":${sequenceNumber}}`,
        aggregate: version === undefined ? undefined : { aggregateRootId: kitchenRoot, version },
        external: undefined,
    };
}

describe.skipIf(!postgres.available)('when an aggregate is no longer at the version a commit moves it from', () => {
    let error: unknown;
    beforeAll(async () => {
        const database = await postgres.openSchema({ migrations: eventStorePostgresMigrations });
        const log = new PostgresEventLog(database);
        await new EventStore(log, aSilentLogger()).commitForAggregate(aCommitForTheKitchen(0));
        error = await log.append(emptyGuid, [anEvent(2, 5)], [{ eventSourceId: kitchen, aggregateRootId: kitchenRoot, expectedVersion: 5, newVersion: 6 }]).catch((thrown: unknown) => thrown);
    });
    it('refuses the append in one statement as changed elsewhere', () => {
        expect(error).toBeInstanceOf(EventLogWasChangedElsewhere);
    });
    it('names how many aggregates were not where expected', () => {
        expect(error instanceof Error && error.message).toContain('1 of the 1 aggregates moved by the commit were no longer at their expected version');
    });
});
