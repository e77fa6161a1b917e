import type { PostgresDatabase } from './PostgresDatabase.js';

/**
 * Checks that the tenant's PostgreSQL database takes work now: one round trip through the tenant's pool, so a server
 * that is down, refuses connections or has no free connection for the pool fails it. Throws the driver's error.
 */
export async function probePostgresDatabase(database: PostgresDatabase): Promise<void> {
    await database.pool.query('SELECT 1');
}
