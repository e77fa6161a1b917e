import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../failures/index.js';
import { emptyGuid, type Guid } from '../../guids/index.js';
import { waitUntil } from '../../host/given/waitUntil.js';
import { anotherProcessHoldingTheWriteLock } from '../../storage/sqlite/given/anotherProcessHoldingTheWriteLock.js';
import { openSqliteDatabase, type SqliteDatabase } from '../../storage/sqlite/index.js';
import type { CommitEventsRequest } from '../CommitRequest.js';
import type { CommittedEvent } from '../CommittedEvent.js';
import { EventStore } from '../EventStore.js';
import { eventStoreFailureIds } from '../failures.js';
import { dishPrepared } from '../given/aCommittedEvent.js';
import { anExecutionContext } from '../given/anExecutionContext.js';
import { aSilentLogger } from '../given/aSilentLogger.js';
import { eventStoreSqliteMigrations } from './migrations.js';
import { SqliteEventLog } from './SqliteEventLog.js';

const folder = mkdtempSync(join(tmpdir(), 'dolittle-write-lock-'));
const opened: SqliteDatabase[] = [];
const logs: SqliteEventLog[] = [];
let files = 0;
afterAll(async () => {
    await Promise.all(logs.map((log) => log.close()));
    opened.forEach((database) => database.close());
    rmSync(folder, { recursive: true, force: true });
});

function aFreshDatabase(): { readonly file: string; readonly database: SqliteDatabase } {
    const file = join(folder, `event-store-${files++}.db`);
    const database = openSqliteDatabase(file, eventStoreSqliteMigrations);
    opened.push(database);
    return { file, database };
}

function aCommitOfOneEvent(number: number): CommitEventsRequest {
    const eventSourceId = 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid;
    return { kind: 'events', executionContext: anExecutionContext(), events: [{ type: { id: dishPrepared, generation: 1 }, eventSourceId, public: false, content: `{"number":${number}}` }] };
}

describe('an embedded event store whose file another process holds the write lock of', () => {
    describe('when a commit is made and the other process releases the lock later', () => {
        let timersRanWhileTheCommitWaited: boolean;
        let result: Result<ReadonlyArray<CommittedEvent>>;
        let stored: ReadonlyArray<CommittedEvent>;
        beforeAll(async () => {
            const { file, database } = aFreshDatabase();
            const log = new SqliteEventLog(database);
            logs.push(log);
            const store = new EventStore(log, aSilentLogger());
            const holder = await anotherProcessHoldingTheWriteLock(file);
            let settled = false;
            const committing = store.commit(aCommitOfOneEvent(0)).finally(() => {
                settled = true;
            });
            let ticks = 0;
            const timer = setInterval(() => ticks++, 5);
            try {
                await waitUntil(() => ticks >= 5 || settled, 'timers ran or the commit answered');
                timersRanWhileTheCommitWaited = ticks >= 5 && !settled;
            } finally {
                clearInterval(timer);
                await holder.release();
            }
            result = await committing;
            stored = await log.read(emptyGuid, 0, 10);
        });
        it('lets timers run on the event loop while the commit waits for the lock', () => {
            expect(timersRanWhileTheCommitWaited).toBe(true);
        });
        it('commits once the lock is released', () => {
            expect(result.succeeded && result.value.map((event) => event.sequenceNumber)).toEqual([0]);
        });
        it('stores the event', () => {
            expect(stored.map((event) => event.content)).toEqual(['{"number":0}']);
        });
    });

    describe('when the other process holds the lock past the time a commit waits', () => {
        let whileLocked: Result<ReadonlyArray<CommittedEvent>>;
        let afterwards: Result<ReadonlyArray<CommittedEvent>>;
        let stored: ReadonlyArray<CommittedEvent>;
        beforeAll(async () => {
            const { file, database } = aFreshDatabase();
            const log = new SqliteEventLog(database, 200);
            logs.push(log);
            const store = new EventStore(log, aSilentLogger());
            const holder = await anotherProcessHoldingTheWriteLock(file);
            try {
                whileLocked = await store.commit(aCommitOfOneEvent(0));
            } finally {
                await holder.release();
            }
            afterwards = await store.commit(aCommitOfOneEvent(1));
            stored = await log.read(emptyGuid, 0, 10);
        });
        it('fails the commit with the event store unavailable', () => {
            expect(!whileLocked.succeeded && whileLocked.failure.id).toBe(eventStoreFailureIds.eventStoreUnavailable);
        });
        it('commits again once the lock is released', () => {
            expect(afterwards.succeeded && afterwards.value.map((event) => event.sequenceNumber)).toEqual([0]);
        });
        it('stores only the event committed after the release', () => {
            expect(stored.map((event) => event.content)).toEqual(['{"number":1}']);
        });
    });
});
