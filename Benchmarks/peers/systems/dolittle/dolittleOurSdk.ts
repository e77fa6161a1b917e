import { Client, silentLogger } from '@dolittle-typescript/sdk';
import { benchmarkIdentifiers } from '../../../events/benchmarkIdentifiers.js';
import type { PeerBackend, PeerStore, PeerSystem, RunningConsumer } from '../../PeerSystem.js';
import type { NumberedEvent } from '../eventNumbers.js';
import { installedVersion } from '../installedVersion.js';
import { startDolittleRuntime } from './startDolittleRuntime.js';
import { dolittlePeerIdentifiers, eventSourceOf } from './streamIdentifiers.js';

/**
 * Our Runtime through our own SDK (@dolittle-typescript/sdk) in this process: what a head written with it pays. The
 * event handler is a second client, built when a consumer starts and disconnected when it stops.
 */
export function dolittleOurSdk(backend: Extract<PeerBackend, 'postgres' | 'embedded'>): PeerSystem {
    return {
        name: 'Dolittle (our SDK)',
        backend,
        role: 'ours',
        version: `this Runtime (build of this commit), @dolittle-typescript/sdk ${installedVersion('@dolittle-typescript/sdk')}`,
        consumers: ['event handler'],
        open: async (server) => {
            const started = await startDolittleRuntime(backend, server);
            const [host, port] = started.runtime.address.split(':');
            const builder = () => Client.forMicroservice(benchmarkIdentifiers.microservice).withRuntimeOn(host ?? '127.0.0.1', Number(port)).withLogging(silentLogger);
            const client = builder().build();
            const eventStore = client.eventStore.forTenant(benchmarkIdentifiers.tenant);
            const consumers: Client[] = [];
            const store: PeerStore = {
                append: async (stream, numbers) => {
                    const eventSourceId = eventSourceOf(stream);
                    const result = await started.runtime.whileRunning(eventStore.commit(numbers.map((n) => ({ content: { n }, eventSourceId, eventType: dolittlePeerIdentifiers.eventType, public: false }))));
                    if (result.failed) {
                        throw new Error(`Committing ${numbers.length} events failed: ${result.failure?.reason ?? '(no reason)'}`);
                    }
                },
                appendExpecting: async (stream, numbers, eventsBefore) => {
                    const result = await started.runtime.whileRunning(eventStore.commitForAggregate({
                        eventSourceId: eventSourceOf(stream),
                        aggregateRootId: dolittlePeerIdentifiers.aggregateRoot,
                        expectedAggregateRootVersion: eventsBefore,
                        events: numbers.map((n) => ({ content: { n }, eventType: dolittlePeerIdentifiers.eventType, public: false })),
                    }));
                    if (result.failed) {
                        throw new Error(`Committing ${numbers.length} aggregate events at version ${eventsBefore} failed: ${result.failure?.reason ?? '(no reason)'}`);
                    }
                },
                read: async (stream) => {
                    const aggregate = await started.runtime.whileRunning(eventStore.fetchForAggregate(dolittlePeerIdentifiers.aggregateRoot, eventSourceOf(stream)));
                    return aggregate.events.map((event) => (event.content as NumberedEvent).n);
                },
                stored: () => started.stored(),
                consume: (_consumer, listener) => {
                    const head = builder()
                        .withEventHandlers((eventHandlers) => eventHandlers.createEventHandler(dolittlePeerIdentifiers.eventHandler, (handler) => handler
                            .unpartitioned()
                            .handle(dolittlePeerIdentifiers.eventType, (event: NumberedEvent) => {
                                listener([event.n]);
                            })))
                        .build();
                    consumers.push(head);
                    const consumer: RunningConsumer = { stop: () => head.disconnect() };
                    return Promise.resolve(consumer);
                },
                close: async () => {
                    for (const consumer of consumers) {
                        await consumer.disconnect();
                    }
                    await client.disconnect();
                    await started.close();
                },
            };
            return store;
        },
    };
}
