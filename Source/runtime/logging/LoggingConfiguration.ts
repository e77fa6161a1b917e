import type { LogLevel } from './LogLevel.js';

/** How the Runtime logs: the default level, the output format and levels per category prefix. */
export type LoggingConfiguration = {
    readonly level: LogLevel;
    readonly format: 'json' | 'pretty';
    readonly categoryLevels: ReadonlyArray<{ readonly prefix: string; readonly level: LogLevel }>;
};
