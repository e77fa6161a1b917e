import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { PeerStore, PeerSystem } from '../PeerSystem.js';
import { createThrowawayDatabase } from '../throwawayDatabase.js';
import { eventContent, eventNumber, streamName } from './eventNumbers.js';
import { installedVersion } from './installedVersion.js';
import { peerPoolSize } from './poolSize.js';
import { startPollingConsumer } from './pollingConsumer.js';

/** The install scripts' SQL files, in the order Message DB's install.sh runs them (roles and privileges left out). */
const installFiles = [
    'schema/message-store.sql',
    'extensions/pgcrypto.sql',
    'tables/messages.sql',
    'types/message.sql',
    'functions/message-store-version.sql',
    'functions/hash-64.sql',
    'functions/acquire-lock.sql',
    'functions/category.sql',
    'functions/is-category.sql',
    'functions/id.sql',
    'functions/cardinal-id.sql',
    'functions/stream-version.sql',
    'functions/write-message.sql',
    'functions/get-stream-messages.sql',
    'functions/get-category-messages.sql',
    'functions/get-last-stream-message.sql',
    'indexes/messages-id.sql',
    'indexes/messages-stream.sql',
    'indexes/messages-category.sql',
];
const eventType = 'BenchmarkEvent';
const category = 'bench';
/** Eventide's consumers read 1,000 messages a batch and poll every 100 ms when there are no more. */
const batchSize = 1_000;
const pollingIntervalMilliseconds = 100;

async function install(pool: pg.Pool): Promise<void> {
    const folder = join(dirname(createRequire(import.meta.url).resolve('@eventide/message-db/package.json')), 'database');
    for (const file of installFiles) {
        await pool.query(await readFile(join(folder, file), 'utf8'));
    }
}

/**
 * Message DB (Eventide's message store for PostgreSQL): its SQL functions over `pg`, installed from the npm package's
 * scripts into a throw-away database. A batch is one statement calling write_message once per message (one transaction);
 * the consumer polls get_category_messages as Eventide's consumers do.
 */
export const messageDb: PeerSystem = {
    name: 'Message DB',
    backend: 'postgres',
    role: 'peer',
    version: `@eventide/message-db ${installedVersion('@eventide/message-db')}`,
    consumers: ['default'],
    open: async (server) => {
        const database = await createThrowawayDatabase(server, 'messagedb');
        // Message DB's functions name their tables and each other without a schema: its role's search_path finds them.
        const pool = new pg.Pool({ connectionString: database.connectionString, max: peerPoolSize, options: '-c search_path=message_store,public' });
        pool.on('error', () => undefined);
        try {
            await install(pool);
        } catch (error) {
            await pool.end();
            await database.drop();
            throw error;
        }
        const write = async (stream: number, numbers: ReadonlyArray<number>, eventsBefore: number | null) => {
            const expected = eventsBefore === null ? null : eventsBefore - 1;
            await pool.query({
                name: 'messagedb.write',
                text: `SELECT message_store.write_message(m.id, $1, $2, m.data, NULL, CASE WHEN $4::bigint IS NULL THEN NULL ELSE $4::bigint + m.o - 1 END)
                       FROM unnest($3::varchar[], $5::jsonb[]) WITH ORDINALITY AS m(id, data, o)`,
                values: [streamName(stream), eventType, numbers.map(() => randomUUID()), expected, numbers.map(eventContent)],
            });
        };
        const store: PeerStore = {
            append: (stream, numbers) => write(stream, numbers, null),
            appendExpecting: (stream, numbers, eventsBefore) => write(stream, numbers, eventsBefore),
            read: async (stream) => {
                const numbers: number[] = [];
                for (let position = 0; ; position += batchSize) {
                    const result = await pool.query<{ data: string }>({ name: 'messagedb.read', text: 'SELECT data FROM message_store.get_stream_messages($1, $2, $3)', values: [streamName(stream), position, batchSize] });
                    numbers.push(...result.rows.map((row) => eventNumber(row.data)));
                    if (result.rows.length < batchSize) {
                        return numbers;
                    }
                }
            },
            stored: async () => {
                const result = await pool.query<{ n: string }>(`SELECT data->>'n' AS n FROM message_store.messages`);
                return result.rows.map((row) => Number(row.n));
            },
            consume: (_consumer, listener) => Promise.resolve(startPollingConsumer(async (after) => {
                const result = await pool.query<{ global_position: string; data: string }>({
                    name: 'messagedb.category',
                    text: 'SELECT global_position, data FROM message_store.get_category_messages($1, $2, $3)',
                    values: [category, (after + 1n).toString(), batchSize],
                });
                const last = result.rows.at(-1);
                return { numbers: result.rows.map((row) => eventNumber(row.data)), next: last === undefined ? after : BigInt(last.global_position) };
            }, batchSize, pollingIntervalMilliseconds, listener)),
            close: async () => {
                await pool.end().catch(() => undefined);
                await database.drop();
            },
        };
        return store;
    },
};
