export { openPostgresDatabase, type PostgresDatabaseOptions } from './openPostgresDatabase.js';
export type { PostgresDatabase } from './PostgresDatabase.js';
export type { PostgresMigration } from './PostgresMigration.js';
export { PostgresSchemaCouldNotBeOpened } from './PostgresSchemaCouldNotBeOpened.js';
export { postgresErrors } from './postgresErrors.js';
