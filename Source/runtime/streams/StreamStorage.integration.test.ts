import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { eventStorePostgresMigrations, eventStoreSqliteMigrations, PostgresEventLog, SqliteEventLog } from '../eventStore/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { openSqliteDatabase } from '../storage/sqlite/index.js';
import { describeStreamStorage } from './given/describeStreamStorage.js';
import { PostgresStreams } from './postgres/PostgresStreams.js';
import { streamsPostgresMigrations } from './postgres/migrations.js';
import { SqliteStreams } from './sqlite/SqliteStreams.js';
import { streamsSqliteMigrations } from './sqlite/migrations.js';

describeStreamStorage('the embedded database', () => {
    const folder = mkdtempSync(join(tmpdir(), 'streams-'));
    const database = openSqliteDatabase(join(folder, 'event-store.sqlite'), [...eventStoreSqliteMigrations, ...streamsSqliteMigrations]);
    const eventLog = new SqliteEventLog(database);
    return Promise.resolve({
        streams: new SqliteStreams(database),
        eventLog,
        close: async () => {
            await eventLog.close();
            database.close();
            rmSync(folder, { recursive: true, force: true });
        },
    });
});

const postgres = await postgresForTests(import.meta.url);
describe.skipIf(!postgres.available)('when PostgreSQL is reachable', () => {
    describeStreamStorage('PostgreSQL', async () => {
        const database = await postgres.openSchema({ migrations: [...eventStorePostgresMigrations, ...streamsPostgresMigrations] });
        // The schema is closed with the test file's database.
        return { streams: new PostgresStreams(database), eventLog: new PostgresEventLog(database), close: () => Promise.resolve() };
    });
});
