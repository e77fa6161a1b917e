import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { eventStorePostgresMigrations } from '../../Source/runtime/dist/eventStore/index.js';
import { openPostgresDatabase, type PostgresDatabase } from '../../Source/runtime/dist/storage/postgres/index.js';
import { benchmarkEventContent } from '../events/benchmarkEventContent.js';
import { storedBenchmarkExecutionContext } from '../events/benchmarkExecutionContext.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { eventSources } from '../events/eventSources.js';
import { measureWorkers } from '../measurement/measureWorkers.js';
import type { Backend } from './Backend.js';

const columns = `scope, sequence_number, occurred, event_source, type_id, type_generation, public, content, execution_context,
    aggregate_root_id, aggregate_version, external_sequence_number, external_received, consent`;
const insertOne = `INSERT INTO event_log (${columns}) VALUES ($1, $2, $3, $4, $5, 1, false, $6, $7, NULL, NULL, NULL, NULL, NULL)`;
const insertMany = `INSERT INTO event_log (${columns})
    SELECT $1::uuid, e.sequence_number, e.occurred, e.event_source, $2::uuid, 1, false, e.content, e.execution_context, NULL, NULL, NULL, NULL, NULL
    FROM unnest($3::bigint[], $4::timestamptz[], $5::uuid[], $6::text[], $7::json[]) AS e(sequence_number, occurred, event_source, content, execution_context)`;
const rawSchema = 'bench_raw';
const oneRowConnections = 32;

/**
 * A fresh PostgreSQL database on a server (created now, dropped by dispose). The Runtime gets it through
 * `--store postgres`; the raw baselines write event_log rows into the schema 'bench_raw' of the same database,
 * created by the Runtime's own event store migrations, through the same driver.
 */
export async function postgresBackend(server: string): Promise<Backend> {
    const name = `bench_${randomBytes(4).toString('hex')}`;
    await administer(server, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const connectionString = url.toString();
    let raw: PostgresDatabase | undefined;
    try {
        raw = await openPostgresDatabase({ connectionString, schema: rawSchema, maximumConnections: oneRowConnections, migrations: eventStorePostgresMigrations });
    } catch (error) {
        await administer(server, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        throw error;
    }
    const pool = raw.pool;
    let next = 0;
    return {
        name: 'postgres',
        storeArguments: ['--store', 'postgres', '--postgres', connectionString],
        rawOneRowPerTransaction: async (window) => ({
            ...(await measureWorkers(window, oneRowConnections, async () => {
                const n = next++;
                await pool.query({
                    name: 'bench.insertOne',
                    text: insertOne,
                    values: [benchmarkIdentifiers.emptyGuid, n, new Date().toISOString(), eventSources[n % eventSources.length], benchmarkIdentifiers.throughputEventType, benchmarkEventContent(n), storedBenchmarkExecutionContext],
                });
                return 1;
            })),
            description: `raw PostgreSQL INSERT, 1 row/transaction, ${oneRowConnections} connections`,
        }),
        rawBatched: async (window, rowsPerTransaction, connections) => ({
            ...(await measureWorkers(window, connections, async () => {
                const numbers = Array.from({ length: rowsPerTransaction }, () => next++);
                const occurred = new Date().toISOString();
                await pool.query({
                    name: 'bench.insertMany',
                    text: insertMany,
                    values: [
                        benchmarkIdentifiers.emptyGuid,
                        benchmarkIdentifiers.throughputEventType,
                        numbers,
                        numbers.map(() => occurred),
                        numbers.map((n) => eventSources[n % eventSources.length]),
                        numbers.map(benchmarkEventContent),
                        numbers.map(() => storedBenchmarkExecutionContext),
                    ],
                });
                return rowsPerTransaction;
            })),
            description: `raw PostgreSQL INSERT … unnest, ${rowsPerTransaction} rows/transaction, ${connections} connections`,
        }),
        dispose: async () => {
            await pool.end().catch(() => undefined);
            await administer(server, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        },
    };
}

async function administer(server: string, statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
        await client.query(statement);
    } finally {
        await client.end();
    }
}
