import type { Logger } from 'winston';

/** One message the SDK logged. */
export type RecordedLogEntry = { readonly level: string; readonly message: string };

/**
 * A stand-in for the SDK's winston logger that keeps what the SDK logs in memory (and prints nothing), so a test can
 * look for registration failures and the suite output stays readable.
 */
export class RecordingLogger {
    readonly #entries: RecordedLogEntry[] = [];

    /** Everything logged so far, oldest first. */
    get entries(): ReadonlyArray<RecordedLogEntry> {
        return this.#entries;
    }

    /** The object to hand to `ClientBuilder.withLogging`: it has the methods the SDK calls. */
    get logger(): Logger {
        const record = (level: string) => (message: unknown) => {
            this.#entries.push({ level, message: String(message) });
        };
        const logger = {
            error: record('error'),
            warn: record('warn'),
            info: record('info'),
            verbose: record('verbose'),
            debug: record('debug'),
            silly: record('silly'),
            log: (level: string, message: unknown) => record(level)(message),
        };
        return logger as unknown as Logger;
    }

    /** The messages that contain a text, for assertions. */
    containing(text: string): ReadonlyArray<RecordedLogEntry> {
        return this.#entries.filter((entry) => entry.message.includes(text));
    }
}
