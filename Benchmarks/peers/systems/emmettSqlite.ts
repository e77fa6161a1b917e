import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSQLiteEventStore, messagesTable, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import type { DeliveryListener, PeerStore, PeerSystem, RunningConsumer } from '../PeerSystem.js';
import { eventNumber, streamName, type NumberedEvent } from './eventNumbers.js';
import { installedVersion } from './installedVersion.js';

type BenchmarkEvent = { readonly type: 'BenchmarkEvent'; readonly data: NumberedEvent };

/** Emmett's consumer as it comes, and tuned for speed (batches of 1,000, no pause), as for PostgreSQL. */
const consumerSettings: Readonly<Record<string, { readonly batchSize?: number; readonly pullingFrequencyInMs?: number }>> = {
    default: {},
    fast: { batchSize: 1_000, pullingFrequencyInMs: 0 },
};

const toEvents = (numbers: ReadonlyArray<number>): BenchmarkEvent[] => numbers.map((n) => ({ type: 'BenchmarkEvent', data: { n } }));

/**
 * Emmett's SQLite event store (@event-driven-io/emmett-sqlite over the sqlite3 native module, installed by the
 * workspace Benchmarks/peers/sqlite) in a file of a temporary folder, and its consumer with one processor.
 */
export const emmettSqlite: PeerSystem = {
    name: 'Emmett',
    backend: 'sqlite',
    role: 'peer',
    version: `@event-driven-io/emmett-sqlite ${installedVersion('@event-driven-io/emmett-sqlite')} (with emmett ${installedVersion('@event-driven-io/emmett')}), sqlite3 ${installedVersion('sqlite3')}`,
    consumers: Object.keys(consumerSettings),
    open: async () => {
        const folder = await mkdtemp(join(tmpdir(), 'emmett-sqlite-'));
        const fileName = join(folder, 'events.sqlite');
        const eventStore = getSQLiteEventStore({ fileName, schema: { autoMigration: 'CreateOrUpdate' } });
        await eventStore.schema.migrate();
        const reader = sqliteConnection({ fileName });
        const consumers: Array<{ readonly consumer: ReturnType<typeof eventStore.consumer<BenchmarkEvent>>; readonly running: RunningConsumer }> = [];
        const store: PeerStore = {
            append: async (stream, numbers) => {
                await eventStore.appendToStream(streamName(stream), toEvents(numbers));
            },
            appendExpecting: async (stream, numbers, eventsBefore) => {
                await eventStore.appendToStream(streamName(stream), toEvents(numbers), { expectedStreamVersion: BigInt(eventsBefore) });
            },
            read: async (stream) => {
                const result = await eventStore.readStream<BenchmarkEvent>(streamName(stream));
                return result.events.map((event) => event.data.n);
            },
            stored: async () => {
                const rows = await reader.query<{ data: string }>(`SELECT message_data AS data FROM ${messagesTable.name}`);
                return rows.map((row) => eventNumber(row.data));
            },
            consume: (consumerName, listener: DeliveryListener) => {
                const settings = consumerSettings[consumerName];
                if (settings === undefined) {
                    return Promise.reject(new Error(`Emmett has no consumer '${consumerName}'; it has ${Object.keys(consumerSettings).join(', ')}`));
                }
                const consumer = eventStore.consumer<BenchmarkEvent>({ pulling: settings });
                consumer.processor<BenchmarkEvent>({
                    processorId: `bench-${consumerName}`,
                    startFrom: 'BEGINNING',
                    connectionOptions: { fileName },
                    eachMessage: (message) => {
                        listener([message.data.n]);
                    },
                });
                const started = consumer.start();
                started.catch(() => undefined);
                const running: RunningConsumer = {
                    stop: async () => {
                        await consumer.stop();
                        await started.catch(() => undefined);
                    },
                };
                consumers.push({ consumer, running });
                return Promise.resolve(running);
            },
            close: async () => {
                for (const { consumer, running } of consumers) {
                    await running.stop().catch(() => undefined);
                    await consumer.close().catch(() => undefined);
                }
                reader.close();
                // Emmett opens connections to the file in the background (one per operation) and a connection that finds
                // the file gone emits an error nobody can catch: the folder goes when this process ends.
                process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
            },
        };
        return store;
    },
};
