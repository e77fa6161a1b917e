/** Data that a log line carries beside its message. */
export type LogData = Readonly<Record<string, unknown>>;

/** The levels of the SDK's log lines, from the most detailed. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/**
 * Where the SDK writes what it does. Any object with these methods will do (a winston or pino logger has them): pass
 * it to `withLogging`. The SDK writes structured JSON lines to standard error unless told otherwise.
 */
export type Logger = {
    trace?(message: string, data?: LogData): void;
    debug(message: string, data?: LogData): void;
    info(message: string, data?: LogData): void;
    warn(message: string, data?: LogData): void;
    error(message: string, data?: LogData): void;
};

const ranks: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50 };

/** The options of the structured logger: the lowest level written and where each line goes. */
export type StructuredLoggerOptions = {
    readonly level?: LogLevel;
    readonly write?: (line: string) => void;
};

/** A logger that writes one JSON object per line: `{"level","time","category","message",...data}`. */
export function structuredLogger(options: StructuredLoggerOptions = {}): Logger {
    const lowest = ranks[options.level ?? 'info'];
    const write = options.write ?? ((line: string) => process.stderr.write(line));
    const at = (level: LogLevel) => (message: string, data?: LogData) => {
        if (ranks[level] >= lowest) {
            write(`${JSON.stringify({ level, time: new Date().toISOString(), message, ...data })}\n`);
        }
    };
    return { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that writes nothing. */
export const silentLogger: Logger = Object.freeze({ trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined });

/** A logger whose lines all carry the given bindings (a category, a processor id), written through another logger. */
export function loggerWith(logger: Logger, bindings: LogData): Logger {
    return {
        trace: (message, data) => logger.trace?.(message, { ...bindings, ...data }),
        debug: (message, data) => logger.debug(message, { ...bindings, ...data }),
        info: (message, data) => logger.info(message, { ...bindings, ...data }),
        warn: (message, data) => logger.warn(message, { ...bindings, ...data }),
        error: (message, data) => logger.error(message, { ...bindings, ...data }),
    };
}
