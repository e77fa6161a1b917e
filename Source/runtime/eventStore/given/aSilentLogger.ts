import { createLogging, type Logger } from '../../logging/index.js';

/** A logger for tests that writes nothing. */
export function aSilentLogger(): Logger {
    return createLogging({ level: 'error', format: 'json', categoryLevels: [] }, { write: () => undefined })('runtime.eventStore');
}
