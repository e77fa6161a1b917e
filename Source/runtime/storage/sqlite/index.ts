export { openSqliteDatabase, type SqliteDatabase } from './SqliteDatabase.js';
export type { SqliteMigration } from './SqliteMigration.js';
export { defaultWriteLockWaiting, writeWhenUnlocked, type WriteLockWaiting } from './writeWhenUnlocked.js';
export { SqliteRowWasNotChanged, SqliteWriter, SqliteWriteWasRefused, type SqliteStatementRun } from './SqliteWriter.js';
export { sqliteErrors } from './sqliteErrors.js';
export { probeSqliteDatabase } from './probeSqliteDatabase.js';
