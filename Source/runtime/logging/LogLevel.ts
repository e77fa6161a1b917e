/** The levels a log message can have, from most to least verbose. */
export const logLevels = ['trace', 'debug', 'info', 'warn', 'error'] as const;

/** A log level. */
export type LogLevel = (typeof logLevels)[number];

/** Tells whether a text names a log level. */
export function isLogLevel(value: unknown): value is LogLevel {
    return typeof value === 'string' && (logLevels as ReadonlyArray<string>).includes(value);
}
