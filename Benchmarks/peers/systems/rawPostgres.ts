import pg from 'pg';
import type { PeerStore, PeerSystem } from '../PeerSystem.js';
import { createThrowawayDatabase } from '../throwawayDatabase.js';
import { eventContent, streamName } from './eventNumbers.js';
import { installedVersion } from './installedVersion.js';
import { peerPoolSize } from './poolSize.js';
import { startPollingConsumer } from './pollingConsumer.js';

const pageSize = 1_000;
const schema = `
    CREATE TABLE events (
        position bigserial PRIMARY KEY,
        stream text NOT NULL,
        version integer,
        data jsonb NOT NULL
    );
    CREATE UNIQUE INDEX events_stream_version ON events (stream, version);
    CREATE INDEX events_stream ON events (stream, position);`;

/**
 * The raw-driver ceiling: `pg` inserting rows into one plain table (one INSERT per append, unnest for a batch, a unique
 * (stream, version) index for expected versions) and polling it by position without pauses. No event store does less
 * work per event; it gives none of their guarantees (its poller can skip rows of transactions that commit late).
 */
export const rawPostgres: PeerSystem = {
    name: 'raw pg driver',
    backend: 'postgres',
    role: 'ceiling',
    version: `pg ${installedVersion('pg')}`,
    consumers: ['poll'],
    open: async (server) => {
        const database = await createThrowawayDatabase(server, 'raw');
        const pool = new pg.Pool({ connectionString: database.connectionString, max: peerPoolSize });
        pool.on('error', () => undefined);
        await pool.query(schema);
        const insert = (stream: number, numbers: ReadonlyArray<number>, firstVersion: number | null) =>
            pool.query({
                name: firstVersion === null ? 'raw.append' : 'raw.appendExpecting',
                text: firstVersion === null
                    ? 'INSERT INTO events (stream, data) SELECT $1, d FROM unnest($2::jsonb[]) AS d'
                    : 'INSERT INTO events (stream, version, data) SELECT $1, $3 + o - 1, d FROM unnest($2::jsonb[]) WITH ORDINALITY AS e(d, o)',
                values: firstVersion === null ? [streamName(stream), numbers.map(eventContent)] : [streamName(stream), numbers.map(eventContent), firstVersion],
            });
        const store: PeerStore = {
            append: async (stream, numbers) => {
                await insert(stream, numbers, null);
            },
            appendExpecting: async (stream, numbers, eventsBefore) => {
                await insert(stream, numbers, eventsBefore);
            },
            read: async (stream) => {
                const result = await pool.query<{ n: string }>({ name: 'raw.read', text: `SELECT data->>'n' AS n FROM events WHERE stream = $1 ORDER BY position`, values: [streamName(stream)] });
                return result.rows.map((row) => Number(row.n));
            },
            stored: async () => {
                const result = await pool.query<{ n: string }>(`SELECT data->>'n' AS n FROM events`);
                return result.rows.map((row) => Number(row.n));
            },
            consume: (_consumer, listener) => Promise.resolve(startPollingConsumer(async (after) => {
                const result = await pool.query<{ position: string; n: string }>({
                    name: 'raw.poll',
                    text: `SELECT position, data->>'n' AS n FROM events WHERE position > $1 ORDER BY position LIMIT ${pageSize}`,
                    values: [after.toString()],
                });
                const last = result.rows.at(-1);
                return { numbers: result.rows.map((row) => Number(row.n)), next: last === undefined ? after : BigInt(last.position) };
            }, pageSize, 1, listener)),
            close: async () => {
                await pool.end().catch(() => undefined);
                await database.drop();
            },
        };
        return store;
    },
};
