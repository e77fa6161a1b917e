import { defineLogMessages } from '../../logging/index.js';

/** The log messages of the shared PostgreSQL machinery. */
export const postgresLogMessages = defineLogMessages({
    migrationApplied: { level: 'info', message: 'Applied a PostgreSQL migration' },
    idleConnectionFailed: { level: 'warn', message: 'An idle PostgreSQL connection failed; the pool replaces it' },
});
