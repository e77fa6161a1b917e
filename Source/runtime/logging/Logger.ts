import type { LogMessage } from './LogMessage.js';

/** Structured data that goes with a log message. */
export type LogData = Readonly<Record<string, unknown>>;

/** Writes structured log messages for one category, e.g. `runtime.eventStore.commits`. */
export interface Logger {
    /** The category messages are written under. */
    readonly category: string;
    /** Writes a message defined in a feature's logMessages.ts. */
    log(message: LogMessage, data?: LogData): void;
    /** Tells whether messages at the level of the given message are written (to avoid costly data). */
    isEnabled(message: LogMessage): boolean;
    /** A logger for a sub-category, e.g. `forCategory('commits')` under `runtime.eventStore`. */
    forCategory(part: string): Logger;
    /** A logger whose messages all carry the given bindings, e.g. a tenant id. */
    withBindings(bindings: LogData): Logger;
}
