import { getPostgreSQLEventStore, messagesTable } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import type { DeliveryListener, PeerStore, PeerSystem, RunningConsumer } from '../PeerSystem.js';
import { createThrowawayDatabase } from '../throwawayDatabase.js';
import { eventNumber, streamName, type NumberedEvent } from './eventNumbers.js';
import { installedVersion } from './installedVersion.js';
import { peerPoolSize } from './poolSize.js';

type BenchmarkEvent = { readonly type: 'BenchmarkEvent'; readonly data: NumberedEvent };

/** Emmett's consumer as it comes (batches of 100, 50 ms between batches), and tuned for speed (batches of 1,000, no pause). */
const consumerSettings: Readonly<Record<string, { readonly batchSize?: number; readonly pullingFrequencyInMs?: number }>> = {
    default: {},
    fast: { batchSize: 1_000, pullingFrequencyInMs: 0 },
};

const toEvents = (numbers: ReadonlyArray<number>): BenchmarkEvent[] => numbers.map((n) => ({ type: 'BenchmarkEvent', data: { n } }));

/**
 * Emmett's PostgreSQL event store (@event-driven-io/emmett-postgresql) on a pool of its own, and its consumer with
 * one reactor per consumer started, from the beginning of the store.
 */
export const emmettPostgres: PeerSystem = {
    name: 'Emmett',
    backend: 'postgres',
    role: 'peer',
    version: `@event-driven-io/emmett-postgresql ${installedVersion('@event-driven-io/emmett-postgresql')}`,
    consumers: Object.keys(consumerSettings),
    open: async (server) => {
        const database = await createThrowawayDatabase(server, 'emmett');
        const pool = new pg.Pool({ connectionString: database.connectionString, max: peerPoolSize });
        pool.on('error', () => undefined);
        const eventStore = getPostgreSQLEventStore(database.connectionString, { connectionOptions: { pool } });
        try {
            await eventStore.schema.migrate();
        } catch (error) {
            await eventStore.close().catch(() => undefined);
            await pool.end().catch(() => undefined);
            await database.drop();
            throw error;
        }
        const consumers: RunningConsumer[] = [];
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
                const result = await pool.query<{ data: unknown }>(`SELECT message_data AS data FROM ${messagesTable.name}`);
                return result.rows.map((row) => eventNumber(row.data));
            },
            consume: async (consumer, listener: DeliveryListener) => {
                const settings = consumerSettings[consumer];
                if (settings === undefined) {
                    throw new Error(`Emmett has no consumer '${consumer}'; it has ${Object.keys(consumerSettings).join(', ')}`);
                }
                const emmettConsumer = eventStore.consumer<BenchmarkEvent>({ pulling: settings });
                emmettConsumer.reactor<BenchmarkEvent>({
                    processorId: `bench-${consumer}`,
                    startFrom: 'BEGINNING',
                    eachMessage: (message) => {
                        listener([message.data.n]);
                        return Promise.resolve();
                    },
                });
                const started = emmettConsumer.start();
                started.catch(() => undefined);
                const running: RunningConsumer = {
                    stop: async () => {
                        await emmettConsumer.stop();
                        await started.catch(() => undefined);
                    },
                };
                consumers.push(running);
                return running;
            },
            close: async () => {
                for (const consumer of consumers) {
                    await consumer.stop().catch(() => undefined);
                }
                await eventStore.close().catch(() => undefined);
                await pool.end().catch(() => undefined);
                await database.drop();
            },
        };
        return store;
    },
};
