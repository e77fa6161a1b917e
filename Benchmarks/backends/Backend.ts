import type { MeasurementWindow, WorkerMeasurement } from '../measurement/measureWorkers.js';

/** The storage backends the Runtime runs on. */
export type BackendName = 'embedded' | 'postgres';

/** A raw insert rate straight into the backend's database, and how it was measured. */
export type RawInsertRate = WorkerMeasurement & { readonly description: string };

/**
 * A fresh database on one backend for one benchmark run: the arguments that point the Runtime at it, and the raw
 * insert baselines measured straight into the same database (event_log rows as the Runtime stores them).
 */
export type Backend = {
    readonly name: BackendName;
    /** The Runtime's command-line arguments that choose this backend and database. */
    readonly storeArguments: ReadonlyArray<string>;
    /** Inserts one row per transaction (PostgreSQL: from 32 connections; embedded: from the one writer it allows). */
    rawOneRowPerTransaction(window: MeasurementWindow): Promise<RawInsertRate>;
    /** Inserts `rowsPerTransaction` rows per transaction from `connections` connections (embedded: always one). */
    rawBatched(window: MeasurementWindow, rowsPerTransaction: number, connections: number): Promise<RawInsertRate>;
    /** Closes connections and drops the database. */
    dispose(): Promise<void>;
};
