import type { WriteTurn } from './WriteTurn.js';

/** How long writeWhenUnlocked waits for another connection's write lock, and how it waits. */
export type WriteLockWaiting = {
    /** How long to keep trying, in milliseconds, before the busy error is thrown. */
    readonly deadline: number;
    /** The first pause between tries, in milliseconds; each pause doubles up to maximumPause. */
    readonly firstPause: number;
    /** The longest pause between tries, in milliseconds. */
    readonly maximumPause: number;
};

/** Waits up to 5 s, as the busy_timeout it replaces did, trying again after 1, 2, 4 ... and then every 50 ms. */
export const defaultWriteLockWaiting: WriteLockWaiting = { deadline: 5_000, firstPause: 1, maximumPause: 50 };

/**
 * Runs a write on an embedded database in its turn among this process's writers (WriteTurn), trying again while
 * another connection (usually another process) holds the database's write lock. The connection runs with busy_timeout 0 (see openSqliteDatabase), so a locked
 * database answers SQLITE_BUSY at once instead of spinning inside the synchronous driver; the waiting happens
 * here, on timers, so the event loop serves every other call meanwhile. The write must change nothing when it
 * fails busy: a transaction begun IMMEDIATE does (it takes the lock before its first statement).
 * After the deadline the last busy error is thrown, for the caller to classify.
 */
export function writeWhenUnlocked<T>(database: { readonly writeTurn: WriteTurn }, write: () => T, waiting: WriteLockWaiting = defaultWriteLockWaiting, clock: () => number = Date.now): Promise<T> {
    return database.writeTurn.take(() => writeUntilUnlocked(write, waiting, clock));
}

async function writeUntilUnlocked<T>(write: () => T, waiting: WriteLockWaiting, clock: () => number): Promise<T> {
    const giveUpAt = clock() + waiting.deadline;
    let pause = waiting.firstPause;
    for (;;) {
        try {
            return write();
        } catch (error) {
            if (!isLocked(error) || clock() + pause > giveUpAt) {
                throw error;
            }
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
        pause = Math.min(pause * 2, waiting.maximumPause);
    }
}

// Another connection holds a lock the statement needs.
function isLocked(error: unknown): boolean {
    return typeof error === 'object' && error !== null && 'code' in error && /^SQLITE_(BUSY|LOCKED)/.test(String(error.code));
}
