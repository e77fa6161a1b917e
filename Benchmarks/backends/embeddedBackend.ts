import { join } from 'node:path';
import { eventStoreSqliteMigrations } from '../../Source/runtime/dist/eventStore/index.js';
import { openSqliteDatabase } from '../../Source/runtime/dist/storage/sqlite/index.js';
import { benchmarkEventContent } from '../events/benchmarkEventContent.js';
import { storedBenchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { eventSources } from '../events/eventSources.js';
import { measureWorkers } from '../measurement/measureWorkers.js';
import type { Backend } from './Backend.js';

const rawScope = 'ffffffff-0000-0000-0000-000000000001';

/**
 * The embedded (SQLite) backend in a data folder. The raw baselines write event_log rows into a database file of
 * their own next to the Runtime's, opened as the Runtime opens its files (WAL, the event store's tables and
 * indexes) and at synchronous=FULL, as the Runtime commits events, from one connection: WAL allows one writer at a time.
 */
export function embeddedBackend(dataFolder: string): Backend {
    const database = openSqliteDatabase(join(dataFolder, 'bench_raw.sqlite'), eventStoreSqliteMigrations);
    // The Runtime commits events at synchronous=FULL (fsync before the acknowledgement), whatever the connection's default.
    database.pragma('synchronous = FULL');
    const insert = database.prepare(
        `INSERT INTO event_log (scope, sequence_number, occurred, event_source, type_id, type_generation, public, content, execution_context,
            aggregate_root_id, aggregate_version, external_sequence_number, external_received, consent)
         VALUES (?, ?, ?, ?, ?, 1, 0, ?, ?, NULL, NULL, NULL, NULL, NULL)`,
    );
    let next = 0;
    const insertOne = () => {
        const n = next++;
        insert.run(rawScope, n, Date.now(), eventSources[n % eventSources.length], benchmarkIdentifiers.throughputEventType, benchmarkEventContent(n), storedBenchmarkExecutionContext);
    };
    const insertMany = database.transaction((count: number) => {
        for (let index = 0; index < count; index++) {
            insertOne();
        }
    });
    return {
        name: 'embedded',
        storeArguments: ['--store', 'embedded'],
        rawOneRowPerTransaction: async (window) => ({
            ...(await measureWorkers(window, 1, () => {
                insertOne();
                return Promise.resolve(1);
            })),
            description: 'raw SQLite INSERT, 1 row/transaction, 1 connection, synchronous=FULL',
        }),
        rawBatched: async (window, rowsPerTransaction) => ({
            ...(await measureWorkers(window, 1, () => {
                insertMany(rowsPerTransaction);
                return Promise.resolve(rowsPerTransaction);
            })),
            description: `raw SQLite INSERT, ${rowsPerTransaction} rows/transaction, 1 connection, synchronous=FULL`,
        }),
        dispose: () => {
            database.close();
            return Promise.resolve();
        },
    };
}
