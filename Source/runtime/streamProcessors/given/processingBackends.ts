import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { eventStorePostgresMigrations } from '../../eventStore/postgres/migrations.js';
import { PostgresEventLog } from '../../eventStore/postgres/PostgresEventLog.js';
import { eventStoreSqliteMigrations } from '../../eventStore/sqlite/migrations.js';
import { SqliteEventLog } from '../../eventStore/sqlite/SqliteEventLog.js';
import type { PostgresForTests } from '../../storage/postgres/given/postgresForTests.js';
import { openPostgresDatabase } from '../../storage/postgres/openPostgresDatabase.js';
import { probePostgresDatabase } from '../../storage/postgres/probePostgresDatabase.js';
import { openSqliteDatabase, probeSqliteDatabase } from '../../storage/sqlite/index.js';
import { streamsPostgresMigrations } from '../../streams/postgres/migrations.js';
import { PostgresStreams } from '../../streams/postgres/PostgresStreams.js';
import { streamsSqliteMigrations } from '../../streams/sqlite/migrations.js';
import { SqliteStreams } from '../../streams/sqlite/SqliteStreams.js';
import type { TenantStorage } from '../../tenancy/index.js';

/** A storage backend the stream processing tests run against. */
export type ProcessingBackend = {
    readonly name: string;
    /** Opens a fresh, empty event store (a new file or a new schema) with the tables the host migrates for a tenant. */
    openStorage(): Promise<TenantStorage>;
};

/**
 * The backends stream processing runs against: the embedded database (a file in a fresh temporary folder) and,
 * when the shared helper found PostgreSQL, a fresh schema in the test file's database. Without PostgreSQL (outside
 * CI) it is left out; postgresForTests has said so loudly. The stores are opened as host/openTenantStorage.ts opens
 * them, from the features' own modules, so a test file does not load the gRPC services with the features' indexes.
 */
export function processingBackends(postgres: PostgresForTests): ReadonlyArray<ProcessingBackend> {
    const embedded = embeddedBackend();
    return postgres.available ? [embedded, postgresBackend(postgres.connectionString)] : [embedded];
}

function embeddedBackend(): ProcessingBackend {
    let folder: string | undefined;
    let files = 0;
    afterAll(() => {
        if (folder !== undefined) {
            rmSync(folder, { recursive: true, force: true });
        }
    });
    return {
        name: 'the embedded database',
        openStorage: () => {
            folder ??= mkdtempSync(join(tmpdir(), 'dolittle-stream-processing-'));
            const file = join(folder, `event-store-${files++}.sqlite`);
            const database = openSqliteDatabase(file, [...eventStoreSqliteMigrations, ...streamsSqliteMigrations]);
            return Promise.resolve({
                eventLog: new SqliteEventLog(database),
                streams: new SqliteStreams(database),
                description: `embedded database ${file}`,
                probe: () => probeSqliteDatabase(database),
                close: () => {
                    database.close();
                    return Promise.resolve();
                },
            });
        },
    };
}

function postgresBackend(connectionString: string): ProcessingBackend {
    return {
        name: 'PostgreSQL',
        openStorage: async () => {
            const schema = `tenant_${randomBytes(6).toString('hex')}`;
            const database = await openPostgresDatabase({
                connectionString,
                schema,
                maximumConnections: 5,
                migrations: [...eventStorePostgresMigrations, ...streamsPostgresMigrations],
            });
            return {
                eventLog: new PostgresEventLog(database),
                streams: new PostgresStreams(database),
                description: `PostgreSQL schema ${schema}`,
                probe: () => probePostgresDatabase(database),
                close: () => database.close(),
            };
        },
    };
}
