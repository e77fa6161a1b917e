import { pino, type Logger as PinoLogger, type DestinationStream } from 'pino';
import type { LogData, Logger } from './Logger.js';
import type { LoggingConfiguration } from './LoggingConfiguration.js';
import type { LogMessage } from './LogMessage.js';
import { levelForCategory } from './levelForCategory.js';
import { prettyLine } from './prettyLine.js';

/** Where log lines go: standard output unless a test or tool gives another sink. */
export type LogSink = { write(line: string): void };

/** Creates the Runtime's logging: structured JSON lines (or a readable form), levels per category prefix. */
export function createLogging(configuration: LoggingConfiguration, sink?: LogSink): (category: string) => Logger {
    const output = sink ?? standardOutput();
    const destination: DestinationStream = configuration.format === 'pretty' ? { write: (line: string) => output.write(prettyLine(line)) } : output;
    const root = pino({ level: 'trace', base: undefined, messageKey: 'msg' }, destination);
    return (category) => new CategoryLogger(configuration, root, category);
}

class CategoryLogger implements Logger {
    readonly #configuration: LoggingConfiguration;
    readonly #root: PinoLogger;
    readonly #output: PinoLogger;
    readonly #bindings: LogData;

    constructor(configuration: LoggingConfiguration, root: PinoLogger, readonly category: string, bindings: LogData = {}) {
        this.#configuration = configuration;
        this.#root = root;
        this.#bindings = bindings;
        this.#output = root.child({ category, ...bindings }, { level: levelForCategory(configuration, category) });
    }

    log(message: LogMessage, data?: LogData): void {
        if (data === undefined) {
            this.#output[message.level](message.message);
        } else {
            this.#output[message.level](data, message.message);
        }
    }

    isEnabled(message: LogMessage): boolean {
        return this.#output.isLevelEnabled(message.level);
    }

    forCategory(part: string): Logger {
        return new CategoryLogger(this.#configuration, this.#root, `${this.category}.${part}`, this.#bindings);
    }

    withBindings(bindings: LogData): Logger {
        return new CategoryLogger(this.#configuration, this.#root, this.category, { ...this.#bindings, ...bindings });
    }
}

// Standard output as a Node stream: when whoever reads it is gone, writes fail with EPIPE, which must not keep the
// Runtime from stopping (an asynchronous file destination retries such writes for ever at exit).
function standardOutput(): LogSink {
    process.stdout.on('error', () => undefined);
    return { write: (line: string) => process.stdout.write(line) };
}
