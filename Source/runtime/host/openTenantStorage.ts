import type { EventStoreResource } from '../configuration/RuntimeConfiguration.js';
import { eventStorePostgresMigrations } from '../eventStore/postgres/migrations.js';
import { PostgresEventLog } from '../eventStore/postgres/PostgresEventLog.js';
import { eventStoreSqliteMigrations } from '../eventStore/sqlite/migrations.js';
import { SqliteEventLog } from '../eventStore/sqlite/SqliteEventLog.js';
import { openPostgresDatabase } from '../storage/postgres/index.js';
import { openSqliteDatabase } from '../storage/sqlite/index.js';
import { PostgresStreams, SqliteStreams, streamsPostgresMigrations, streamsSqliteMigrations } from '../streams/index.js';
import type { Logger } from '../logging/index.js';
import type { TenantStorage } from '../tenancy/index.js';

/** Opens a tenant's event store database on the backend its resources name, bringing its tables up to date. */
export async function openTenantStorage(resource: EventStoreResource, logger?: Logger): Promise<TenantStorage> {
    if (resource.kind === 'embedded') {
        const database = openSqliteDatabase(resource.file, [...eventStoreSqliteMigrations, ...streamsSqliteMigrations]);
        const eventLog = new SqliteEventLog(database);
        return {
            eventLog,
            streams: new SqliteStreams(database),
            description: `embedded database '${resource.database}' (${resource.file})`,
            close: async () => {
                await eventLog.close();
                database.close();
            },
        };
    }
    const database = await openPostgresDatabase({
        connectionString: resource.connectionString,
        schema: resource.schema,
        maximumConnections: resource.maximumConnections,
        migrations: [...eventStorePostgresMigrations, ...streamsPostgresMigrations],
        ...(logger === undefined ? {} : { logger }),
    });
    return {
        eventLog: new PostgresEventLog(database),
        streams: new PostgresStreams(database),
        description: `PostgreSQL schema '${resource.schema}'`,
        close: () => database.close(),
    };
}
