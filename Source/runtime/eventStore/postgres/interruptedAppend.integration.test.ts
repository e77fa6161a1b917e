import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guid } from '../../guids/index.js';
import { ConnectionCutter, type Cut } from '../../storage/postgres/given/connectionCutter.js';
import { postgresForTests } from '../../storage/postgres/given/postgresForTests.js';
import { openPostgresDatabase, type PostgresDatabase } from '../../storage/postgres/index.js';
import type { AggregateVersionChange } from '../AggregateKey.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import { EventStoreIsUnavailable } from '../EventStoreIsUnavailable.js';
import { aCommittedEvent } from '../given/aCommittedEvent.js';
import { eventStorePostgresMigrations } from './migrations.js';
import { PostgresEventLog } from './PostgresEventLog.js';

const postgres = await postgresForTests(import.meta.url);
const scope = '00000000-0000-0000-0000-000000000000' as Guid;
const aggregateRootId = '9a1c2d44-0c4e-4f0a-9a43-5f0e1f3a7b21' as Guid;
const eventSourceId = 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid;
const lookingTime = { withinMilliseconds: 2_000, everyMilliseconds: 50 };

type Outcome = { readonly appended: 'resolved' | unknown; readonly stored: number; readonly cuts: number };

describe.skipIf(!postgres.available)('when the connection breaks while an append is under way', () => {
    let direct: PostgresDatabase;
    let cutter: ConnectionCutter;
    let relayed: PostgresDatabase;
    let log: PostgresEventLog;
    let next = 0;

    beforeAll(async () => {
        direct = await postgres.openSchema({ migrations: eventStorePostgresMigrations });
        const server = new URL(postgres.connectionString);
        cutter = await ConnectionCutter.start({ host: server.hostname, port: Number(server.port || 5432) });
        const throughCutter = new URL(postgres.connectionString);
        throughCutter.hostname = '127.0.0.1';
        throughCutter.port = String(cutter.port);
        relayed = await openPostgresDatabase({ connectionString: throughCutter.toString(), schema: direct.schema, maximumConnections: 2, migrations: eventStorePostgresMigrations });
        log = new PostgresEventLog(relayed, lookingTime);
    });
    afterAll(async () => {
        await relayed.close();
        await cutter.stop();
    });

    async function appendWith(cut: Cut, events: ReadonlyArray<CommittedEvent>, aggregates: ReadonlyArray<AggregateVersionChange> = []): Promise<Outcome> {
        const cutsBefore = cutter.cuts;
        cutter.arm(cut);
        const appended = await log.append(scope, events, aggregates).then(() => 'resolved', (error: unknown) => error);
        cutter.accept();
        const first = events[0]!.sequenceNumber;
        const stored = await direct.pool.query<{ count: string }>('SELECT COUNT(*)::text AS count FROM event_log WHERE sequence_number BETWEEN $1 AND $2', [first, events.at(-1)!.sequenceNumber]);
        return { appended, stored: Number(stored.rows[0]!.count), cuts: cutter.cuts - cutsBefore };
    }

    function someEvents(count: number, aggregateVersion?: number, dish = 'Bean Blaster Taco'): ReadonlyArray<CommittedEvent> {
        const events = Array.from({ length: count }, (_, index) => aCommittedEvent(next + index, {
            occurred: Date.now(),
            content: `{"Dish":"${dish}","number":${next + index}}`,
            aggregate: aggregateVersion === undefined ? undefined : { aggregateRootId, version: aggregateVersion + index },
        }));
        next += count;
        return events;
    }

    describe('after the server committed one statement, before its answer arrived', () => {
        let outcome: Outcome;
        beforeAll(async () => {
            outcome = await appendWith({ when: 'answer', holding: 'INSERT 0', thenRefuse: false }, someEvents(3));
        });
        it('cut the connection', () => expect(outcome.cuts).toBe(1));
        it('answers that the events are stored, as they are', () => expect([outcome.appended, outcome.stored]).toEqual(['resolved', 3]));
    });

    describe('after the server committed a transaction, before its answer arrived', () => {
        let outcome: Outcome;
        beforeAll(async () => {
            // More events than one statement takes: BEGIN, two inserts and COMMIT.
            outcome = await appendWith({ when: 'answer', holding: 'COMMIT', thenRefuse: false }, someEvents(5_001));
        });
        it('cut the connection', () => expect(outcome.cuts).toBe(1));
        it('answers that the events are stored, as they are', () => expect([outcome.appended, outcome.stored]).toEqual(['resolved', 5_001]));
    });

    describe('after the server committed the one statement of a commit that moves an aggregate, before its answer arrived', () => {
        let outcome: Outcome;
        beforeAll(async () => {
            const aggregate = { eventSourceId, aggregateRootId, expectedVersion: 0, newVersion: 2 };
            // The answer to SELECT event_store_append_with_aggregates(...): one row, command tag 'SELECT 1'.
            outcome = await appendWith({ when: 'answer', holding: 'SELECT 1', thenRefuse: false }, someEvents(2, 0), [aggregate]);
        });
        it('cut the connection', () => expect(outcome.cuts).toBe(1));
        it('answers that the events are stored, as they are', () => expect([outcome.appended, outcome.stored]).toEqual(['resolved', 2]));
        it('moved the aggregate with them', async () => {
            const versions = await log.aggregateVersions([{ eventSourceId, aggregateRootId }]);
            expect([...versions.values()]).toEqual([2]);
        });
    });

    describe('before the statement reached the server', () => {
        let outcome: Outcome;
        beforeAll(async () => {
            // The statement is prepared once per connection: its parameters (the content) travel every time.
            outcome = await appendWith({ when: 'request', holding: 'CutOnTheWayTaco', thenRefuse: false }, someEvents(2, undefined, 'CutOnTheWayTaco'));
            next -= 2;
        });
        it('cut the connection', () => expect(outcome.cuts).toBe(1));
        it('answers that the store is unavailable, and nothing is stored', () => {
            expect([outcome.appended instanceof EventStoreIsUnavailable, outcome.stored]).toEqual([true, 0]);
        });
    });

    describe('and the database does not answer again in time', () => {
        let outcome: Outcome;
        beforeAll(async () => {
            outcome = await appendWith({ when: 'answer', holding: 'INSERT 0', thenRefuse: true }, someEvents(1));
        });
        it('cut the connection', () => expect(outcome.cuts).toBe(1));
        it('answers that the store is unavailable and that whether the events were stored could not be told', () => {
            expect(outcome.appended).toBeInstanceOf(EventStoreIsUnavailable);
            expect((outcome.appended as Error).message).toMatch(/whether the events were stored could not be told/);
        });
        it('stored them all the same (the server committed before the cut)', () => expect(outcome.stored).toBe(1));
    });
});
