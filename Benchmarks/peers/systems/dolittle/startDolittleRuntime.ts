import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { BenchmarkRuntime } from '../../../runtime/BenchmarkRuntime.js';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../throwawayDatabase.js';
import { eventNumber } from '../eventNumbers.js';
import { dolittlePeerIdentifiers } from './streamIdentifiers.js';

/** The Runtime's database (and, on PostgreSQL, schema) of the benchmark tenant's event store. */
const storeName = 'bench_store';

/** Our Runtime on a fresh store, and a way to read what its event log holds straight from the database. */
export type StartedRuntime = {
    readonly runtime: BenchmarkRuntime;
    /** The numbers of every event of the comparison's type in the event log. */
    stored(): Promise<ReadonlyArray<number>>;
    /** Stops the Runtime and drops its database or folder. */
    close(): Promise<void>;
};

/** Starts the built Runtime on a throw-away PostgreSQL database or, for 'embedded', in a temporary folder. */
export async function startDolittleRuntime(backend: 'postgres' | 'embedded', postgresServer: string): Promise<StartedRuntime> {
    const folder = await mkdtemp(join(tmpdir(), 'dolittle-peers-'));
    await mkdir(join(folder, 'data'), { recursive: true });
    let database: ThrowawayDatabase | undefined;
    let runtime: BenchmarkRuntime | undefined;
    try {
        database = backend === 'postgres' ? await createThrowawayDatabase(postgresServer, 'dolittle') : undefined;
        runtime = await BenchmarkRuntime.start({
            folder,
            storeArguments: database === undefined ? ['--store', 'embedded'] : ['--store', 'postgres', '--postgres', database.connectionString],
            database: storeName,
        });
    } catch (error) {
        await database?.drop();
        await rm(folder, { recursive: true, force: true });
        throw error;
    }
    const started = runtime;
    const pool = database === undefined ? undefined : new pg.Pool({ connectionString: database.connectionString, max: 1 });
    pool?.on('error', () => undefined);
    return {
        runtime: started,
        stored: async () => {
            if (pool !== undefined) {
                const result = await pool.query<{ content: string }>({ text: `SELECT content::text AS content FROM ${storeName}.event_log WHERE type_id = $1`, values: [dolittlePeerIdentifiers.eventType] });
                return result.rows.map((row) => eventNumber(row.content));
            }
            const file = new Database(join(folder, 'data', `${storeName}.sqlite`), { readonly: true, fileMustExist: true });
            try {
                const rows = file.prepare('SELECT content FROM event_log WHERE type_id = ?').all(dolittlePeerIdentifiers.eventType) as ReadonlyArray<{ content: string }>;
                return rows.map((row) => eventNumber(row.content));
            } finally {
                file.close();
            }
        },
        close: async () => {
            await pool?.end().catch(() => undefined);
            await started.stop();
            await database?.drop();
            await rm(folder, { recursive: true, force: true });
        },
    };
}
