import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventStoreSqliteMigrations } from '../../eventStore/index.js';
import { waitUntil } from '../../host/given/waitUntil.js';
import { anotherProcessHoldingTheWriteLock } from '../../storage/sqlite/given/anotherProcessHoldingTheWriteLock.js';
import { openSqliteDatabase } from '../../storage/sqlite/index.js';
import { newProcessorKey } from '../given/streamKeys.js';
import type { StreamProcessorState } from '../StreamProcessorState.js';
import { streamsSqliteMigrations } from './migrations.js';
import { SqliteStreams } from './SqliteStreams.js';

const folder = mkdtempSync(join(tmpdir(), 'streams-write-lock-'));
const file = join(folder, 'event-store.sqlite');
const database = openSqliteDatabase(file, [...eventStoreSqliteMigrations, ...streamsSqliteMigrations]);
afterAll(() => {
    database.close();
    rmSync(folder, { recursive: true, force: true });
});

describe('embedded streams whose file another process holds the write lock of', () => {
    describe('when a processor saves its state and the other process releases the lock later', () => {
        const processor = newProcessorKey();
        const state: StreamProcessorState = { partitioned: false, position: 7, lastSuccessfullyProcessed: 1_700_000_000_000, failure: undefined };
        let timersRanWhileTheSaveWaited: boolean;
        let saved: StreamProcessorState | undefined;
        beforeAll(async () => {
            const streams = new SqliteStreams(database);
            const holder = await anotherProcessHoldingTheWriteLock(file);
            let settled = false;
            const saving = streams.saveState(processor, state).finally(() => {
                settled = true;
            });
            let ticks = 0;
            const timer = setInterval(() => ticks++, 5);
            try {
                await waitUntil(() => ticks >= 5 || settled, 'timers ran or the save finished');
                timersRanWhileTheSaveWaited = ticks >= 5 && !settled;
            } finally {
                clearInterval(timer);
                await holder.release();
            }
            await saving;
            saved = await streams.state(processor);
        });
        it('waits for the lock on timers, so the event loop runs meanwhile', () => {
            expect(timersRanWhileTheSaveWaited).toBe(true);
        });
        it('saves the state once the lock is released', () => {
            expect(saved).toEqual(state);
        });
    });
});
