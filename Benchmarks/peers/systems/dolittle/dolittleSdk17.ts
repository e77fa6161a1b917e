import { Client } from '@dolittle/sdk';
import { AggregateRootId, AggregateRootVersion, EventSourceId, EventTypeId, UncommittedAggregateEvents } from '@dolittle/sdk.events';
import { CancellationSource } from '@dolittle/sdk.resilience';
import type { Logger } from 'winston';
import { benchmarkIdentifiers } from '../../../events/benchmarkIdentifiers.js';
import type { PeerBackend, PeerStore, PeerSystem, RunningConsumer } from '../../PeerSystem.js';
import { installedVersion } from '../installedVersion.js';
import type { NumberedEvent } from '../eventNumbers.js';
import { startDolittleRuntime } from './startDolittleRuntime.js';
import { dolittlePeerIdentifiers, eventSourceOf } from './streamIdentifiers.js';

const silentLogger = Object.fromEntries(['error', 'warn', 'info', 'verbose', 'debug', 'silly', 'log'].map((level) => [level, () => undefined])) as unknown as Logger;
const eventType = EventTypeId.from(dolittlePeerIdentifiers.eventType);
const aggregateRoot = AggregateRootId.from(dolittlePeerIdentifiers.aggregateRoot);

/**
 * Our Runtime through the official SDK 17 client (@dolittle/sdk) in this process: what a head written today pays.
 * The event handler is a second client, built when a consumer starts and cancelled when it stops.
 */
export function dolittleSdk17(backend: Extract<PeerBackend, 'postgres' | 'embedded'>): PeerSystem {
    return {
        name: 'Dolittle (SDK 17)',
        backend,
        role: 'ours',
        version: `this Runtime (build of this commit), @dolittle/sdk ${installedVersion('@dolittle/sdk')}`,
        consumers: ['event handler'],
        open: async (server) => {
            const started = await startDolittleRuntime(backend, server);
            const [host, port] = started.runtime.address.split(':');
            const connection = new CancellationSource();
            const client = Client.forMicroservice(benchmarkIdentifiers.microservice)
                .withRuntimeOn(host ?? '127.0.0.1', Number(port))
                .withLogging(silentLogger)
                .withCancellation(connection.cancellation)
                .build();
            const eventStore = client.eventStore.forTenant(benchmarkIdentifiers.tenant);
            const consumers: RunningConsumer[] = [];
            const store: PeerStore = {
                append: async (stream, numbers) => {
                    const eventSourceId = EventSourceId.from(eventSourceOf(stream));
                    const result = await started.runtime.whileRunning(eventStore.commit(numbers.map((n) => ({ content: { n }, eventSourceId, eventType, public: false }))));
                    if (result.failed) {
                        throw new Error(`Committing ${numbers.length} events failed: ${result.failure?.reason.value ?? '(no reason)'}`);
                    }
                },
                appendExpecting: async (stream, numbers, eventsBefore) => {
                    const events = UncommittedAggregateEvents.from(eventSourceOf(stream), aggregateRoot, AggregateRootVersion.from(eventsBefore), ...numbers.map((n) => ({ content: { n }, eventType, public: false })));
                    const result = await started.runtime.whileRunning(eventStore.commitForAggregate(events));
                    if (result.failed) {
                        throw new Error(`Committing ${numbers.length} aggregate events at version ${eventsBefore} failed: ${result.failure?.reason.value ?? '(no reason)'}`);
                    }
                },
                read: async (stream) => {
                    const events = await started.runtime.whileRunning(eventStore.fetchForAggregate(aggregateRoot, EventSourceId.from(eventSourceOf(stream))));
                    return events.toArray().map((event) => (event.content as NumberedEvent).n);
                },
                stored: () => started.stored(),
                consume: (_consumer, listener) => {
                    const cancellation = new CancellationSource();
                    Client.forMicroservice(benchmarkIdentifiers.microservice)
                        .withRuntimeOn(host ?? '127.0.0.1', Number(port))
                        .withLogging(silentLogger)
                        .withCancellation(cancellation.cancellation)
                        .withEventHandlers((eventHandlers) => eventHandlers.createEventHandler(dolittlePeerIdentifiers.eventHandler, (handler) => handler
                            .unpartitioned()
                            .handle(dolittlePeerIdentifiers.eventType, (event: NumberedEvent) => {
                                listener([event.n]);
                            })))
                        .build();
                    const consumer: RunningConsumer = {
                        stop: () => {
                            cancellation.cancel();
                            return Promise.resolve();
                        },
                    };
                    consumers.push(consumer);
                    return Promise.resolve(consumer);
                },
                close: async () => {
                    for (const consumer of consumers) {
                        await consumer.stop();
                    }
                    connection.cancel();
                    await started.close();
                },
            };
            return store;
        },
    };
}
