import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { WriteTurn } from './WriteTurn.js';

/** One statement of a write, and the rows of parameters it runs for, in order. */
export type SqliteStatementRun = {
    readonly sql: string;
    readonly rows: ReadonlyArray<ReadonlyArray<unknown>>;
    /** When set, every row must change exactly one row of the table; otherwise the whole write is rolled back. */
    readonly eachRowChangesOneRow?: boolean;
};

/** Thrown when SQLite refused a write: the code is SQLite's (SQLITE_BUSY, SQLITE_CONSTRAINT_PRIMARYKEY, ...). */
export class SqliteWriteWasRefused extends Error {
    /** Creates the error with SQLite's code and message. */
    constructor(readonly code: string, message: string) {
        super(message);
        this.name = 'SqliteWriteWasRefused';
    }
}

/** Thrown when a row of a statement that must change one row changed none; nothing of the write was stored. */
export class SqliteRowWasNotChanged extends Error {
    /** Creates the error naming the statement (its index in the write) and the row of parameters. */
    constructor(readonly statement: number, readonly row: number) {
        super(`Row ${row} of statement ${statement} changed nothing`);
        this.name = 'SqliteRowWasNotChanged';
    }
}

type Answer = { readonly id: number; readonly error?: { readonly code?: string; readonly message?: string; readonly unchanged?: { readonly statement: number; readonly row: number } } };

// Runs in the worker thread, as plain JavaScript (it is not compiled with the rest).
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.file);
database.pragma('synchronous = FULL');
database.pragma('busy_timeout = ' + workerData.lockTimeout);
database.pragma('foreign_keys = ON');
const statements = new Map();
const statement = (sql) => {
    let prepared = statements.get(sql);
    if (prepared === undefined) {
        prepared = database.prepare(sql);
        statements.set(sql, prepared);
    }
    return prepared;
};
class Unchanged extends Error {
    constructor(statement, row) { super('unchanged'); this.statement = statement; this.row = row; }
}
const write = database.transaction((runs) => {
    runs.forEach((run, index) => {
        const prepared = statement(run.sql);
        run.rows.forEach((row, rowIndex) => {
            const result = prepared.run(row);
            if (run.eachRowChangesOneRow && result.changes !== 1) {
                throw new Unchanged(index, rowIndex);
            }
        });
    });
});
parentPort.on('message', (message) => {
    if (message.close) {
        database.close();
        parentPort.close();
        return;
    }
    try {
        write.immediate(message.runs);
        parentPort.postMessage({ id: message.id });
    } catch (error) {
        const answer = error instanceof Unchanged
            ? { unchanged: { statement: error.statement, row: error.row } }
            : { code: String(error && error.code), message: String(error && error.message) };
        parentPort.postMessage({ id: message.id, error: answer });
    }
});
`;

/**
 * The writer of one embedded database file: a connection of its own in a worker thread, so that inserting a big
 * batch and waiting for the disk (fsync, synchronous=FULL) never hold the event loop of the Runtime. Each write is
 * one transaction begun IMMEDIATE; while another connection or process holds the write lock, the worker waits up
 * to lockTimeout milliseconds (its busy_timeout: it blocks only the worker), then the write fails with SQLITE_BUSY.
 * Writes run one at a time, in the order they were asked for, each in its turn among the writers of the file in
 * this process (the main connection's too, see WriteTurn).
 */
export class SqliteWriter {
    readonly #worker: Worker;
    readonly #turn: WriteTurn;
    readonly #pending = new Map<number, { readonly resolve: () => void; readonly reject: (error: Error) => void }>();
    #nextId = 0;
    #ended: Error | undefined;

    /** Starts the writer's thread and connection on the file of an open database whose migrations have run. */
    constructor(database: { readonly name: string; readonly writeTurn: WriteTurn }, lockTimeout: number) {
        const file = database.name;
        this.#turn = database.writeTurn;
        const driver = createRequire(import.meta.url).resolve('better-sqlite3');
        this.#worker = new Worker(workerSource, { eval: true, workerData: { driver, file, lockTimeout } });
        this.#worker.unref();
        this.#worker.on('message', (answer: Answer) => this.#answer(answer));
        this.#worker.on('error', (error) => this.#end(new Error(`The writer of ${file} failed: ${error.message}`, { cause: error })));
        this.#worker.on('exit', () => this.#end(new Error(`The writer of ${file} has stopped`)));
    }

    /** Runs the statements in one transaction; resolves once it is committed and on disk. */
    write(runs: ReadonlyArray<SqliteStatementRun>): Promise<void> {
        return this.#turn.take(() => this.#writeNow(runs));
    }

    #writeNow(runs: ReadonlyArray<SqliteStatementRun>): Promise<void> {
        if (this.#ended !== undefined) {
            return Promise.reject(this.#ended);
        }
        const id = this.#nextId++;
        return new Promise((resolve, reject) => {
            this.#pending.set(id, { resolve, reject });
            // Keeps the process alive while a write is under way, and only then.
            this.#worker.ref();
            this.#worker.postMessage({ id, runs });
        });
    }

    /** Closes the writer's connection and ends its thread, after the writes asked for before. */
    close(): Promise<void> {
        // In turn, as a write: the writes asked for before, still waiting for their turn, are not cut off.
        return this.#turn.take(() => this.#closeNow());
    }

    async #closeNow(): Promise<void> {
        if (this.#ended !== undefined) {
            return;
        }
        const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
        this.#worker.ref();
        this.#worker.postMessage({ close: true });
        await exited;
    }

    #answer(answer: Answer): void {
        const pending = this.#pending.get(answer.id);
        this.#pending.delete(answer.id);
        if (this.#pending.size === 0) {
            this.#worker.unref();
        }
        if (pending === undefined) {
            return;
        }
        const error = answer.error;
        if (error === undefined) {
            pending.resolve();
        } else if (error.unchanged !== undefined) {
            pending.reject(new SqliteRowWasNotChanged(error.unchanged.statement, error.unchanged.row));
        } else {
            pending.reject(new SqliteWriteWasRefused(error.code ?? 'SQLITE_ERROR', error.message ?? 'unknown'));
        }
    }

    #end(error: Error): void {
        this.#ended ??= error;
        for (const pending of this.#pending.values()) {
            pending.reject(error);
        }
        this.#pending.clear();
    }
}
