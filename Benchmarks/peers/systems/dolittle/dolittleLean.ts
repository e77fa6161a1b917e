import type { PeerBackend, PeerStore, PeerSystem, RunningConsumer } from '../../PeerSystem.js';
import { installedVersion } from '../installedVersion.js';
import { LeanEventStoreClient } from './LeanEventStoreClient.js';
import { startLeanEventHandler } from './leanEventHandler.js';
import { startDolittleRuntime } from './startDolittleRuntime.js';

/**
 * Our Runtime through the lean clients: EventStore calls over node:http2 and an event handler on the raw reverse
 * call, both in this process. Streams are event sources: plain appends are Commit calls, appends with an expected
 * version and stream reads go through the comparison's aggregate root.
 */
export function dolittleLean(backend: Extract<PeerBackend, 'postgres' | 'embedded'>): PeerSystem {
    return {
        name: 'Dolittle (lean gRPC)',
        backend,
        role: 'ours',
        version: `this Runtime (build of this commit), lean gRPC client; protocol ${installedVersion('@dolittle-typescript/protocol')}`,
        consumers: ['event handler'],
        open: async (server) => {
            const started = await startDolittleRuntime(backend, server);
            const client = new LeanEventStoreClient(started.runtime.address);
            const consumers: RunningConsumer[] = [];
            const store: PeerStore = {
                append: (stream, numbers) => started.runtime.whileRunning(client.commit(stream, numbers)),
                appendExpecting: (stream, numbers, eventsBefore) => started.runtime.whileRunning(client.commitForAggregate(stream, numbers, eventsBefore)),
                read: (stream) => started.runtime.whileRunning(client.fetchForAggregate(stream)),
                stored: () => started.stored(),
                consume: async (_consumer, listener) => {
                    const consumer = await startLeanEventHandler(started.runtime.address, listener);
                    consumers.push(consumer);
                    return consumer;
                },
                close: async () => {
                    for (const consumer of consumers) {
                        await consumer.stop();
                    }
                    client.close();
                    await started.close();
                },
            };
            return store;
        },
    };
}
