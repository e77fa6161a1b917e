export { openSqliteDatabase, type SqliteDatabase } from './SqliteDatabase.js';
export type { SqliteMigration } from './SqliteMigration.js';
