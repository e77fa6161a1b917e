import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqliteMigration } from './SqliteMigration.js';
import { WriteTurn } from './WriteTurn.js';

/** An open embedded database, with the turns its writers in this process take (see WriteTurn). */
export type SqliteDatabase = Database.Database & { readonly writeTurn: WriteTurn };

/**
 * Opens (or creates) an embedded database file and brings its tables up to date.
 * WAL with synchronous=NORMAL by default, for derived bookkeeping (stream appends, processor positions): such a commit
 * is in the WAL before it returns, so it survives a process kill. Commits of events switch to synchronous=FULL around
 * their transaction (see SqliteEventLog), so they are on disk (fsync) before they are acknowledged.
 * Opening waits up to 5 s for another process's lock (start-up serves nothing yet); afterwards the connection
 * never waits inside a statement (busy_timeout 0), and writes wait on timers instead (writeWhenUnlocked).
 */
export function openSqliteDatabase(file: string, migrations: ReadonlyArray<SqliteMigration>): SqliteDatabase {
    mkdirSync(dirname(file), { recursive: true });
    const database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
    database.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied INTEGER NOT NULL)');
    const applied = new Set(database.prepare('SELECT name FROM schema_migrations').pluck().all() as string[]);
    const record = database.prepare('INSERT INTO schema_migrations (name, applied) VALUES (?, ?)');
    for (const migration of migrations) {
        if (!applied.has(migration.name)) {
            database.transaction(() => {
                database.exec(migration.sql);
                record.run(migration.name, Date.now());
            })();
        }
    }
    // From here on a locked database answers SQLITE_BUSY at once: better-sqlite3 is synchronous, so a busy timeout
    // would spin inside a statement and hold the event loop of every tenant. Writers wait with writeWhenUnlocked.
    database.pragma('busy_timeout = 0');
    return Object.assign(database, { writeTurn: new WriteTurn() });
}
