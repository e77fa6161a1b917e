export { openPostgresDatabase, type PostgresDatabaseOptions } from './openPostgresDatabase.js';
export type { PostgresDatabase } from './PostgresDatabase.js';
export type { PostgresMigration } from './PostgresMigration.js';
export { PostgresSchemaCouldNotBeOpened } from './PostgresSchemaCouldNotBeOpened.js';
export { postgresErrors } from './postgresErrors.js';
export { probePostgresDatabase } from './probePostgresDatabase.js';
export { identifyPostgresDatabase } from './identifyPostgresDatabase.js';
