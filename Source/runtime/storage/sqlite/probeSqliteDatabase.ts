import type { SqliteDatabase } from './SqliteDatabase.js';

/**
 * Checks that the embedded database takes writes now: takes the write lock and lets it go again at once, without
 * waiting for a lock held elsewhere (a commit would wait, and block the thread meanwhile). Throws the driver's error,
 * SQLITE_BUSY when another process holds the lock. Reads alone would pass while commits fail.
 */
export function probeSqliteDatabase(database: SqliteDatabase): Promise<void> {
    // In its turn among this process's writers (WriteTurn): otherwise it would see the lock of the event log's own
    // writer thread, and report the store unreachable under a steady load of commits.
    return database.writeTurn.take(() => probeNow(database));
}

function probeNow(database: SqliteDatabase): Promise<void> {
    if (!database.open || database.inTransaction) {
        return Promise.resolve();
    }
    const busyTimeout = Number(database.pragma('busy_timeout', { simple: true }));
    database.pragma('busy_timeout = 0');
    try {
        database.exec('BEGIN IMMEDIATE');
        database.exec('ROLLBACK');
        return Promise.resolve();
    } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
        database.pragma(`busy_timeout = ${busyTimeout}`);
    }
}
