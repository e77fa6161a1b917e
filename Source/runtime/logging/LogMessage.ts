import type { LogLevel } from './LogLevel.js';

/** A log message defined once in a feature's logMessages.ts, with its level. */
export type LogMessage = {
    readonly level: LogLevel;
    readonly message: string;
};

/** Defines a feature's log messages, each with its level. */
export function defineLogMessages<T extends Record<string, LogMessage>>(messages: T): Readonly<T> {
    return Object.freeze(messages);
}
