import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { PostgresForTests } from '../../storage/postgres/given/postgresForTests.js';
import type { PostgresDatabase } from '../../storage/postgres/index.js';
import { openSqliteDatabase, type SqliteDatabase } from '../../storage/sqlite/index.js';
import type { EventLogStorage } from '../EventLogStorage.js';
import { PostgresEventLog } from '../postgres/PostgresEventLog.js';
import { eventStorePostgresMigrations } from '../postgres/migrations.js';
import { SqliteEventLog } from '../sqlite/SqliteEventLog.js';
import { eventStoreSqliteMigrations } from '../sqlite/migrations.js';

/** A fresh, empty event log of one backend, opened for one test. */
export type EventLogUnderTest = {
    readonly storage: EventLogStorage;
    /** Opens another connection to the same log, as a second Runtime writing to the same store would have. */
    openAnotherWriter(): Promise<EventLogStorage>;
    /** Closes the log's connections early (everything is closed after the test file anyway). */
    close(): Promise<void>;
};

/** A storage backend the event log tests run against. */
export type EventLogBackend = {
    readonly name: string;
    /** False when the backend's server is not there (outside CI): its suites skip. */
    readonly available: boolean;
    /** Opens a fresh, empty event log (a new file or a new schema); everything opened is closed after the test file. */
    open(): Promise<EventLogUnderTest>;
};

/**
 * The backends every event log test runs against: the embedded database (a file in a fresh temporary folder)
 * and PostgreSQL (a fresh schema in the test file's database).
 */
export function eventLogBackends(postgres: PostgresForTests): ReadonlyArray<EventLogBackend> {
    return [sqliteBackend(), postgresBackend(postgres)];
}

function sqliteBackend(): EventLogBackend {
    const folder = mkdtempSync(join(tmpdir(), 'dolittle-event-log-'));
    type Opened = { readonly database: SqliteDatabase; readonly log: SqliteEventLog };
    const opened: Opened[] = [];
    let files = 0;
    const closeAll = async (logs: Opened[]): Promise<void> => {
        for (const { database, log } of logs.splice(0)) {
            await log.close();
            if (database.open) {
                database.close();
            }
        }
    };
    afterAll(async () => {
        await closeAll(opened);
        rmSync(folder, { recursive: true, force: true });
    });
    const openFile = (file: string, logs: Opened[]): SqliteEventLog => {
        const database = openSqliteDatabase(file, eventStoreSqliteMigrations);
        const log = new SqliteEventLog(database);
        opened.push({ database, log });
        logs.push({ database, log });
        return log;
    };
    return {
        name: 'SQLite',
        available: true,
        open: () => {
            const file = join(folder, `event-store-${files++}.db`);
            const logs: Opened[] = [];
            const storage = openFile(file, logs);
            return Promise.resolve({
                storage,
                openAnotherWriter: () => Promise.resolve(openFile(file, logs)),
                close: () => closeAll(logs),
            });
        },
    };
}

function postgresBackend(postgres: PostgresForTests): EventLogBackend {
    return {
        name: 'PostgreSQL',
        available: postgres.available,
        open: async () => {
            const database = await postgres.openSchema({ migrations: eventStorePostgresMigrations });
            const databases: PostgresDatabase[] = [database];
            return {
                storage: new PostgresEventLog(database),
                openAnotherWriter: async () => {
                    const another = await postgres.openSchema({ migrations: eventStorePostgresMigrations, schema: database.schema });
                    databases.push(another);
                    return new PostgresEventLog(another);
                },
                close: async () => {
                    await Promise.all(databases.splice(0).map((opened) => opened.close()));
                },
            };
        },
    };
}
