import type { EventStoreResource } from '../configuration/RuntimeConfiguration.js';
import { embeddingsPostgresMigrations, embeddingsSqliteMigrations, PostgresEmbeddings, SqliteEmbeddings } from '../embeddings/index.js';
import type { EventStoreIsUnavailable } from '../eventStore/index.js';
import { eventStorePostgresMigrations } from '../eventStore/postgres/migrations.js';
import { PostgresEventLog } from '../eventStore/postgres/PostgresEventLog.js';
import { eventStoreSqliteMigrations } from '../eventStore/sqlite/migrations.js';
import { SqliteEventLog } from '../eventStore/sqlite/SqliteEventLog.js';
import { openPostgresDatabase, postgresErrors, probePostgresDatabase } from '../storage/postgres/index.js';
import { openSqliteDatabase, probeSqliteDatabase, sqliteErrors } from '../storage/sqlite/index.js';
import { PostgresStreams, SqliteStreams, streamsPostgresMigrations, streamsSqliteMigrations } from '../streams/index.js';
import { eventHorizonPostgresMigrations, eventHorizonSqliteMigrations, PostgresSubscriptions, SqliteSubscriptions } from '../eventHorizon/index.js';
import type { Logger } from '../logging/index.js';
import { managementPostgresMigrations, managementSqliteMigrations, PostgresSkippedEvents, SqliteSkippedEvents } from '../management/index.js';
import { PostgresProjections, projectionsPostgresMigrations, projectionsSqliteMigrations, SqliteProjections } from '../projections/index.js';
import type { TenantStorage } from '../tenancy/index.js';
import { watchForOutages } from './watchForOutages.js';

/**
 * Opens a tenant's event store database on the backend its resources name, bringing its tables up to date. Every
 * storage call that fails because the database is unavailable rejects with EventStoreIsUnavailable and is told to
 * `unavailable` (see watchForOutages).
 */
export async function openTenantStorage(
    resource: EventStoreResource,
    logger?: Logger,
    unavailable: (error: EventStoreIsUnavailable) => void = () => undefined,
): Promise<TenantStorage> {
    if (resource.kind === 'embedded') {
        const database = openSqliteDatabase(resource.file, [...eventStoreSqliteMigrations, ...streamsSqliteMigrations, ...projectionsSqliteMigrations, ...embeddingsSqliteMigrations, ...managementSqliteMigrations, ...eventHorizonSqliteMigrations]);
        const eventLog = new SqliteEventLog(database);
        const subscriptions = new SqliteSubscriptions(database);
        const watch = { isUnavailable: sqliteErrors.isUnavailable, unavailable };
        const probing = watchForOutages({ probe: () => probeSqliteDatabase(database) }, watch);
        return {
            eventLog: watchForOutages(eventLog, watch),
            streams: watchForOutages(new SqliteStreams(database), watch),
            projections: watchForOutages(new SqliteProjections(database), watch),
            embeddings: watchForOutages(new SqliteEmbeddings(database), watch),
            skippedEvents: watchForOutages(new SqliteSkippedEvents(database), watch),
            subscriptions: watchForOutages(subscriptions, watch),
            description: `embedded database '${resource.database}' (${resource.file})`,
            probe: () => probing.probe(),
            close: async () => {
                await Promise.all([eventLog.close(), subscriptions.close()]);
                database.close();
            },
        };
    }
    const database = await openPostgresDatabase({
        connectionString: resource.connectionString,
        schema: resource.schema,
        maximumConnections: resource.maximumConnections,
        migrations: [...eventStorePostgresMigrations, ...streamsPostgresMigrations, ...projectionsPostgresMigrations, ...embeddingsPostgresMigrations, ...managementPostgresMigrations, ...eventHorizonPostgresMigrations],
        ...(logger === undefined ? {} : { logger }),
    });
    const watch = { isUnavailable: postgresErrors.isUnavailable, unavailable };
    const probing = watchForOutages({ probe: () => probePostgresDatabase(database) }, watch);
    return {
        eventLog: watchForOutages(new PostgresEventLog(database), watch),
        streams: watchForOutages(new PostgresStreams(database), watch),
        projections: watchForOutages(new PostgresProjections(database), watch),
        embeddings: watchForOutages(new PostgresEmbeddings(database), watch),
        skippedEvents: watchForOutages(new PostgresSkippedEvents(database), watch),
        subscriptions: watchForOutages(new PostgresSubscriptions(database), watch),
        description: `PostgreSQL schema '${resource.schema}'`,
        probe: () => probing.probe(),
        close: () => database.close(),
    };
}
