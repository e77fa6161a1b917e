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
import { eventHorizonPostgresMigrations, eventHorizonSqliteMigrations, PostgresSubscriptions, SqliteSubscriptions } from '../../eventHorizon/index.js';
import { projectionsPostgresMigrations } from '../../projections/postgres/migrations.js';
import { PostgresProjections } from '../../projections/postgres/PostgresProjections.js';
import { projectionsSqliteMigrations } from '../../projections/sqlite/migrations.js';
import { SqliteProjections } from '../../projections/sqlite/SqliteProjections.js';
import { embeddingsPostgresMigrations, embeddingsSqliteMigrations, PostgresEmbeddings, SqliteEmbeddings } from '../../embeddings/index.js';
import { managementPostgresMigrations } from '../../management/postgres/migrations.js';
import { PostgresSkippedEvents } from '../../management/postgres/PostgresSkippedEvents.js';
import { managementSqliteMigrations } from '../../management/sqlite/migrations.js';
import { SqliteSkippedEvents } from '../../management/sqlite/SqliteSkippedEvents.js';

/** A storage backend the stream processing tests run against. */
export type ProcessingBackend = {
    readonly name: string;
    /** False when PostgreSQL cannot be reached (outside CI only): the backend's cases are listed and skip. */
    readonly available: boolean;
    /** Opens a fresh, empty event store (a new file or a new schema) with the tables the host migrates for a tenant. */
    openStorage(): Promise<TenantStorage>;
};

/**
 * The backends stream processing runs against: the embedded database (a file in a fresh temporary folder) and
 * PostgreSQL (a fresh schema in the test file's database). Without PostgreSQL (outside CI) the PostgreSQL backend
 * stays in the list, not available, so that describeForEachBackend lists its cases as skipped. The stores are opened as host/openTenantStorage.ts opens
 * them, from the features' own modules, so a test file does not load the gRPC services with the features' indexes.
 */
export function processingBackends(postgres: PostgresForTests): ReadonlyArray<ProcessingBackend> {
    return [embeddedBackend(), postgresBackend(postgres)];
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
        available: true,
        openStorage: () => {
            folder ??= mkdtempSync(join(tmpdir(), 'dolittle-stream-processing-'));
            const file = join(folder, `event-store-${files++}.sqlite`);
            const database = openSqliteDatabase(file, [...eventStoreSqliteMigrations, ...streamsSqliteMigrations, ...projectionsSqliteMigrations, ...embeddingsSqliteMigrations, ...managementSqliteMigrations, ...eventHorizonSqliteMigrations]);
            const eventLog = new SqliteEventLog(database);
            const subscriptions = new SqliteSubscriptions(database);
            return Promise.resolve({
                eventLog,
                streams: new SqliteStreams(database),
                projections: new SqliteProjections(database),
                embeddings: new SqliteEmbeddings(database),
                skippedEvents: new SqliteSkippedEvents(database),
                subscriptions,
                description: `embedded database ${file}`,
                probe: () => probeSqliteDatabase(database),
                close: async () => {
                    await Promise.all([eventLog.close(), subscriptions.close()]);
                    database.close();
                },
            });
        },
    };
}

function postgresBackend(postgres: PostgresForTests): ProcessingBackend {
    return {
        name: 'PostgreSQL',
        available: postgres.available,
        openStorage: async () => {
            const schema = `tenant_${randomBytes(6).toString('hex')}`;
            const database = await openPostgresDatabase({
                connectionString: postgres.connectionString,
                schema,
                maximumConnections: 5,
                migrations: [...eventStorePostgresMigrations, ...streamsPostgresMigrations, ...projectionsPostgresMigrations, ...embeddingsPostgresMigrations, ...managementPostgresMigrations, ...eventHorizonPostgresMigrations],
            });
            return {
                eventLog: new PostgresEventLog(database),
                streams: new PostgresStreams(database),
                projections: new PostgresProjections(database),
                embeddings: new PostgresEmbeddings(database),
                skippedEvents: new PostgresSkippedEvents(database),
                subscriptions: new PostgresSubscriptions(database),
                description: `PostgreSQL schema ${schema}`,
                probe: () => probePostgresDatabase(database),
                close: () => database.close(),
            };
        },
    };
}
