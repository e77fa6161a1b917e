export { openSqliteDatabase, type SqliteDatabase } from './SqliteDatabase.js';
export type { SqliteMigration } from './SqliteMigration.js';
export { sqliteErrors } from './sqliteErrors.js';
export { probeSqliteDatabase } from './probeSqliteDatabase.js';
