import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@dolittle/sdk';
import { PartitionedFilterResult } from '@dolittle/sdk.events.filtering';
import { CancellationSource } from '@dolittle/sdk.resilience';
import type { Logger } from 'winston';
import { benchmarkIdentifiers as ids } from '../events/benchmarkIdentifiers.js';
import { EventStoreConnection } from '../eventStore/EventStoreConnection.js';
import { CpuUse } from '../measurement/CpuUse.js';
import { percentile } from '../measurement/percentile.js';
import { preciseNow } from '../measurement/preciseNow.js';
import { processCpuMilliseconds } from '../measurement/processCpuMilliseconds.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import { BenchmarkRuntime } from '../runtime/BenchmarkRuntime.js';
import type { ScenarioContext } from './ScenarioContext.js';

const eventsPerBacklogCommit = 1_000;
const backlogCommitters = 2;
const silentLogger = Object.fromEntries(['error', 'warn', 'info', 'verbose', 'debug', 'silly', 'log'].map((level) => [level, () => undefined])) as unknown as Logger;

/** Waits until `condition` holds, checking every few milliseconds; fails naming what was awaited after `timeout` ms. */
async function until(condition: () => boolean, description: string, timeout: number): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!condition()) {
        if (Date.now() > deadline) {
            throw new Error(`Waited ${timeout} ms until ${description}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
    }
}

/** The highest subscription position the consumer Runtime logged as written (its received batches, at trace level). */
function receivedUpTo(consumer: BenchmarkRuntime): number {
    const matches = consumer.output().match(/"toPosition":(\d+)/g) ?? [];
    const last = matches.at(-1);
    return last === undefined ? 0 : Number(last.slice('"toPosition":'.length));
}

/**
 * Scenario: the Event Horizon between two Runtimes on the backend (a producer and a consumer, each with its own store).
 * A backlog of public events is committed at the producer and put into its public stream by a public filter; then the
 * consumer subscribes, and the time from its subscription to the last event written into its scope gives events/s.
 * Then single public events are committed one at a time, and the time from each commit to the consumer's scoped
 * event handler gives the latency. The heads run in this process through the official SDK.
 */
export async function eventHorizon(context: ScenarioContext): Promise<ReadonlyArray<Figure>> {
    const total = context.sizes.catchUpEvents;
    const folder = await mkdtemp(join(tmpdir(), `dolittle-bench-event-horizon-${context.backend.name}-`));
    const cancellation = new CancellationSource();
    let producer: BenchmarkRuntime | undefined;
    let consumer: BenchmarkRuntime | undefined;
    let producerStore: EventStoreConnection | undefined;
    try {
        producer = await BenchmarkRuntime.start({
            folder: join(folder, 'producer'),
            storeArguments: context.backend.storeArguments,
            database: 'bench_event_horizon_producer',
            files: {
                'event-horizon-consents.json': {
                    [ids.tenant]: [{ microservice: ids.consumerMicroservice, tenant: ids.tenant, stream: ids.publicStream, partition: ids.emptyGuid, consent: ids.eventHorizonConsent }],
                },
            },
        });
        consumer = await BenchmarkRuntime.start({
            folder: join(folder, 'consumer'),
            storeArguments: context.backend.storeArguments,
            database: 'bench_event_horizon_consumer',
            logLevels: ['runtime.eventHorizon.consumer=trace'],
            files: {
                'bounded-context.json': { application: 'c6912245-892f-4eef-9c3e-7fd410268c40', boundedContext: ids.consumerMicroservice, boundedContextName: 'Consumer' },
                'microservices.json': { [ids.microservice]: { host: '127.0.0.1', port: producer.publicPort } },
            },
        });
        producerStore = new EventStoreConnection(producer.address);
        let filtered = 0;
        const [producerHost, producerPort] = producer.address.split(':');
        Client.forMicroservice(ids.microservice)
            .withRuntimeOn(producerHost!, Number(producerPort))
            .withLogging(silentLogger)
            .withCancellation(cancellation.cancellation)
            .withFilters((filters) => filters.createPublicFilter(ids.publicStream, (filter) => filter.handle(() => {
                filtered++;
                return new PartitionedFilterResult(true, ids.emptyGuid);
            })))
            .build();

        let committed = 0;
        await Promise.all(Array.from({ length: backlogCommitters }, async () => {
            while (committed < total) {
                const count = Math.min(eventsPerBacklogCommit, total - committed);
                committed += count;
                await producerStore!.commit(ids.eventHorizonBacklogEventType, count, true);
            }
        }));
        await producer.whileRunning(until(() => filtered >= total, 'the public filter put the backlog into the public stream', 4 * context.sizes.catchUpTimeoutMilliseconds));

        const arrivals = new Map<number, number>();
        const cpu = new CpuUse([['producer', () => processCpuMilliseconds(producer!.pid)], ['consumer', () => processCpuMilliseconds(consumer!.pid)], ...context.cpuSources.slice(1)]);
        const subscribed = preciseNow();
        const [consumerHost, consumerPort] = consumer.address.split(':');
        Client.forMicroservice(ids.consumerMicroservice)
            .withRuntimeOn(consumerHost!, Number(consumerPort))
            .withLogging(silentLogger)
            .withCancellation(cancellation.cancellation)
            .withEventHorizons((eventHorizons) => eventHorizons.forTenant(ids.tenant, (subscriptions) => subscriptions
                .fromProducerMicroservice(ids.microservice).fromProducerTenant(ids.tenant).fromProducerStream(ids.publicStream)
                .fromProducerPartition(ids.emptyGuid).toScope(ids.eventHorizonScope)))
            .withEventHandlers((eventHandlers) => eventHandlers.createEventHandler(ids.eventHorizonLatencyEventHandler, (handler) => handler
                .inScope(ids.eventHorizonScope).unpartitioned().handle(ids.eventHorizonLatencyEventType, (event: { readonly number: number }) => {
                    arrivals.set(event.number, preciseNow());
                })))
            .build();
        await consumer.whileRunning(until(() => receivedUpTo(consumer!) >= total, 'the consumer wrote the backlog into its scope', context.sizes.catchUpTimeoutMilliseconds));
        const backlogRate = total / ((preciseNow() - subscribed) / 1_000);
        const backlogFigure: Figure = {
            backend: context.backend.name,
            scenario: `Event Horizon: backlog of ${total.toLocaleString('en-US')} public events, producer's public stream → consumer's scoped log`,
            measured: formatting.rate(backlogRate, 'events/s'),
            latency: '',
            baseline: 'goal 10,000 events/s',
            ratio: formatting.ratio(backlogRate, 10_000),
            goals: [{ description: '≥ 10,000 events/s', met: backlogRate >= 10_000 }],
            cpu: cpu.describe(),
        };
        printFigure(backlogFigure);

        const latencies: number[] = [];
        const latencyCpu = new CpuUse([['producer', () => processCpuMilliseconds(producer!.pid)], ['consumer', () => processCpuMilliseconds(consumer!.pid)], ...context.cpuSources.slice(1)]);
        for (let number = 0; number < context.sizes.latencyEvents; number++) {
            const prepared = producerStore.prepare(ids.eventHorizonLatencyEventType, 1, () => JSON.stringify({ number }), 1, true);
            const sent = preciseNow();
            await producerStore.send(prepared);
            await consumer.whileRunning(until(() => arrivals.has(number), `the consumer's scoped handler got event ${number}`, 30_000));
            latencies.push(arrivals.get(number)! - sent);
        }
        const p50 = percentile(latencies, 0.5);
        const p99 = percentile(latencies, 0.99);
        const latencyFigure: Figure = {
            backend: context.backend.name,
            scenario: `Event Horizon: ${latencies.length.toLocaleString('en-US')} single public events, producer commit → consumer's scoped handler`,
            measured: `${formatting.milliseconds(p50)} ms median`,
            latency: formatting.latency(p50, p99),
            baseline: 'goal p99 ≤ 50 ms',
            ratio: formatting.ratio(p99, 50),
            goals: [{ description: 'p99 ≤ 50 ms', met: p99 <= 50 }],
            cpu: latencyCpu.describe(),
        };
        printFigure(latencyFigure);
        return [backlogFigure, latencyFigure];
    } catch (error) {
        process.stderr.write(`The Event Horizon scenario failed. The producer's last output:\n${producer?.output().slice(-5_000) ?? ''}\nThe consumer's:\n${consumer?.output().slice(-5_000) ?? ''}\n`);
        throw error;
    } finally {
        cancellation.cancel();
        producerStore?.close();
        await consumer?.stop();
        await producer?.stop();
        await rm(folder, { recursive: true, force: true });
    }
}
