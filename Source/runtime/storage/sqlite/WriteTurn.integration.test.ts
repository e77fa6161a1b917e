import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from './SqliteDatabase.js';
import { probeSqliteDatabase } from './probeSqliteDatabase.js';
import { SqliteWriter } from './SqliteWriter.js';
import { writeWhenUnlocked } from './writeWhenUnlocked.js';

const folder = mkdtempSync(join(tmpdir(), 'write-turn-'));
const database = openSqliteDatabase(join(folder, 'store.sqlite'), [
    { name: 'rows', sql: 'CREATE TABLE committed (number INTEGER PRIMARY KEY, content TEXT NOT NULL); CREATE TABLE positions (id INTEGER PRIMARY KEY, position INTEGER NOT NULL)' },
]);
afterAll(() => {
    database.close();
    rmSync(folder, { recursive: true, force: true });
});

const batches = 40;
const rowsPerBatch = 2_000;

/** Commits batch after batch through a writer thread, as the event store's group commit does under a steady load. */
function commitBatchAfterBatch(writer: SqliteWriter, committed: (batch: number) => void): Promise<void> {
    return (async () => {
        for (let batch = 0; batch < batches; batch++) {
            // The event store lets the requests that arrived meanwhile join the next batch, then sends it at once.
            await new Promise((resolve) => setImmediate(resolve));
            const rows = Array.from({ length: rowsPerBatch }, (_, index) => [batch * rowsPerBatch + index, `{"content":"${'x'.repeat(200)}"}`]);
            await writer.write([{ sql: 'INSERT INTO committed (number, content) VALUES (?, ?)', rows }]);
            committed(batch + 1);
        }
    })();
}

describe('an embedded database whose writer thread commits batch after batch', () => {
    let probesThatFailed: ReadonlyArray<string>;
    let batchesCommittedWhileTheWriteWaited: ReadonlyArray<number>;
    let positionsWritten: number;
    beforeAll(async () => {
        const writer = new SqliteWriter(database, 5_000);
        let committed = 0;
        const committing = commitBatchAfterBatch(writer, (count) => {
            committed = count;
        });
        const failures: string[] = [];
        const waited: number[] = [];
        const savePosition = database.prepare('INSERT INTO positions (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position');
        try {
            // While the batches go on: the readiness probe, and a processor writing its position on the main connection.
            for (let round = 0; committed < batches - 2; round++) {
                // A round at a time, as a processor's steps come: the writer's answers are handled in between.
                await new Promise((resolve) => setTimeout(resolve, 1));
                await probeSqliteDatabase(database).catch((error: unknown) => failures.push(String(error)));
                const before = committed;
                await writeWhenUnlocked(database, () => savePosition.run(round));
                waited.push(committed - before);
            }
        } finally {
            await committing;
            await writer.close();
        }
        probesThatFailed = failures;
        batchesCommittedWhileTheWriteWaited = waited;
        positionsWritten = waited.length;
    });

    it('wrote positions meanwhile', () => {
        expect(positionsWritten).toBeGreaterThan(0);
    });
    it('is ready to every probe: the probe takes its turn, and never sees the lock of a write of this process', () => {
        expect(probesThatFailed).toEqual([]);
    });
    it('writes each position after at most the batch in flight, not when the batches pause', () => {
        expect(Math.max(...batchesCommittedWhileTheWriteWaited)).toBeLessThanOrEqual(1);
    });
});
