export type { LogData, Logger } from './Logger.js';
export { createLogging, type LogSink } from './Logging.js';
export type { LoggingConfiguration } from './LoggingConfiguration.js';
export { isLogLevel, logLevels, type LogLevel } from './LogLevel.js';
export { defineLogMessages, type LogMessage } from './LogMessage.js';
export { levelForCategory } from './levelForCategory.js';
