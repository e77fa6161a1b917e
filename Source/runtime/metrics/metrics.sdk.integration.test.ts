import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { hasSample, scrapeMetrics, valueOf, type MetricSample } from './given/scrapeMetrics.js';

const backends = await backendsForTests(import.meta.url);
const committedEvents = 'dolittle_customer_runtime_events_store_committed_events_total';
const processed = 'dolittle_customer_runtime_stream_processors_events_processed_total';
const lagEvents = 'dolittle_customer_runtime_stream_processors_lag_events';
const lagSeconds = 'dolittle_customer_runtime_stream_processors_lag_seconds';
const eventCount = 5;

describeForEachBackend(backends, 'when the metrics of a Runtime on the $kind store are scraped while an SDK event handler falls behind and catches up', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    const eventTypeId = randomUUID();
    const eventHandlerId = randomUUID();
    const handler = { kind: 'eventHandler', processor: eventHandlerId, tenant: developmentTenant };
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
        release = resolve;
    });
    let handled = 0;
    let before: ReadonlyArray<MetricSample> = [];
    let behind: ReadonlyArray<MetricSample> = [];
    let caughtUp: ReadonlyArray<MetricSample> = [];
    printLogsOnFailure(() => runtime);

    const scrapeUntil = async (condition: (samples: ReadonlyArray<MetricSample>) => boolean, description: string): Promise<ReadonlyArray<MetricSample>> => {
        let samples: ReadonlyArray<MetricSample> = [];
        await waitUntil(async () => condition((samples = await scrapeMetrics(runtime!.httpPort))), description, 60_000);
        return samples;
    };

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        before = await scrapeMetrics(runtime.httpPort);
        // The handler waits on its first event until released, so the events committed behind it are its lag.
        const head = connectClient(runtime, (builder) => builder.withEventHandlers((eventHandlers) => {
            eventHandlers.createEventHandler(eventHandlerId, (eventHandler) => eventHandler.partitioned().handle(eventTypeId, async () => {
                await released;
                handled += 1;
            }));
        }));
        clients.push(head);
        await scrapeUntil((samples) => hasSample(samples, lagEvents, handler), 'the event handler shows in the lag gauge');
        const eventSourceId = randomUUID();
        await commitEvents(head.client.eventStore.forTenant(developmentTenant), eventTypeId,
            Array.from({ length: eventCount }, (_, index) => ({ content: { index }, eventSourceId })));
        behind = await scrapeUntil((samples) => valueOf(samples, lagEvents, handler) === eventCount && valueOf(samples, lagSeconds, handler) > 0,
            `the handler is ${eventCount} events behind`);
        release();
        caughtUp = await scrapeUntil((samples) => valueOf(samples, processed, handler) === eventCount && valueOf(samples, lagEvents, handler) === 0,
            'the handler has processed every event and caught up');
    }, 120_000);
    afterAll(async () => {
        release();
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    it('counts no committed events before the commit', () => expect(valueOf(before, committedEvents, { tenant: developmentTenant })).toBe(0));
    it('counts the committed events for the tenant', () => expect(valueOf(behind, committedEvents, { tenant: developmentTenant })).toBe(eventCount));
    it('counts one commit', () => expect(valueOf(behind, 'dolittle_customer_runtime_events_store_commits_total', { tenant: developmentTenant, outcome: 'committed' })).toBe(1));
    it('observes the commit latency once', () => expect(valueOf(behind, 'dolittle_customer_runtime_events_store_commit_seconds_count', { tenant: developmentTenant })).toBe(1));
    it('shows the handler behind by every event it has not finished', () => expect(valueOf(behind, lagEvents, handler)).toBe(eventCount));
    it('shows how old the oldest unprocessed event is', () => expect(valueOf(behind, lagSeconds, handler)).toBeGreaterThan(0));
    it('has processed none of them while held', () => expect(valueOf(behind, processed, handler)).toBe(0));
    it('counts every processed event once the handler is released', () => {
        expect(handled).toBe(eventCount);
        expect(valueOf(caughtUp, processed, handler)).toBe(eventCount);
    });
    it('brings the lag back to 0 events', () => expect(valueOf(caughtUp, lagEvents, handler)).toBe(0));
    it('brings the lag back to 0 seconds', () => expect(valueOf(caughtUp, lagSeconds, handler)).toBe(0));
    it('observes the processing time of every event', () => expect(valueOf(caughtUp, 'dolittle_customer_runtime_eventhandlers_event_processing_time_seconds_count', { eventHandler: eventHandlerId })).toBe(eventCount));
    it('shows the head as connected', () => expect(valueOf(caughtUp, 'dolittle_shared_runtime_heads_connected')).toBe(1));
    it('counts the pings sent to the head', () => expect(valueOf(caughtUp, 'dolittle_system_runtime_services_reversecalls_pings_sent_total')).toBeGreaterThan(0));
    it('has no failing partitions', () => expect(valueOf(caughtUp, 'dolittle_customer_runtime_stream_processors_failing_partitions', handler)).toBe(0));
    it('serves the process metrics', () => expect(hasSample(caughtUp, 'process_cpu_user_seconds_total')).toBe(true));
});

describe('when reading a Prometheus text exposition', () => {
    it('reads names, labels and values', async () => {
        const { parseMetrics } = await import('./given/scrapeMetrics.js');
        expect(parseMetrics('# HELP x y\nx{a="1",b="two"} 3\ny 4.5\n')).toEqual([
            { name: 'x', labels: { a: '1', b: 'two' }, value: 3 },
            { name: 'y', labels: {}, value: 4.5 },
        ]);
    });
});
