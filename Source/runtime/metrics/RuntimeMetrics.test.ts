import { describe, expect, it } from 'vitest';
import { parseMetrics, valueOf } from './given/scrapeMetrics.js';
import { RuntimeMetrics } from './RuntimeMetrics.js';

const tenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44';
const handler = { kind: 'eventHandler', processor: 'a1b2', scope: '00000000-0000-0000-0000-000000000000', tenant };

async function samples(metrics: RuntimeMetrics) {
    return parseMetrics((await metrics.text()).body);
}

describe('when commits of every outcome are recorded', () => {
    const metrics = new RuntimeMetrics();
    const { eventStore } = metrics.recorders;
    eventStore.commit(tenant, { kind: 'committed', events: 3, aggregate: false }, 0.001);
    eventStore.commit(tenant, { kind: 'committed', events: 2, aggregate: true }, 0.002);
    eventStore.commit(tenant, { kind: 'concurrencyConflict' }, 0.001);
    eventStore.commit(tenant, { kind: 'storeUnavailable' }, 0.5);
    eventStore.commit(tenant, { kind: 'refused' }, 0.001);
    const read = samples(metrics);
    it('counts every event committed', async () => expect(valueOf(await read, 'dolittle_customer_runtime_events_store_committed_events_total', { tenant })).toBe(5));
    it('counts the events of aggregates apart', async () => expect(valueOf(await read, 'dolittle_customer_runtime_events_store_committed_aggregate_events_total', { tenant })).toBe(2));
    it('counts the conflict', async () => expect(valueOf(await read, 'dolittle_customer_runtime_events_store_aggregate_concurrency_conflicts_total', { tenant })).toBe(1));
    it('counts each outcome', async () => {
        const outcomes = ['committed', 'concurrencyConflict', 'storeUnavailable', 'refused'].map(async (outcome) =>
            valueOf(await read, 'dolittle_customer_runtime_events_store_commits_total', { tenant, outcome }));
        expect(await Promise.all(outcomes)).toEqual([2, 1, 1, 1]);
    });
    it('counts an unavailable store as a storage error', async () => expect(valueOf(await read, 'dolittle_customer_runtime_storage_errors_total', { kind: 'unavailable' })).toBe(1));
    it('observes the latency of every commit', async () => expect(valueOf(await read, 'dolittle_customer_runtime_events_store_commit_seconds_count', { tenant })).toBe(5));
});

describe('when a head opens several reverse calls and closes them', () => {
    const metrics = new RuntimeMetrics();
    const { heads } = metrics.recorders;
    const connected = async () => valueOf(await samples(metrics), 'dolittle_shared_runtime_heads_connected');
    it('counts the head once while any of its calls is open, and not after the last', async () => {
        heads.connected('ipv4:127.0.0.1:1000');
        heads.connected('ipv4:127.0.0.1:1000');
        heads.connected('ipv4:127.0.0.1:2000');
        const both = await connected();
        heads.disconnected('ipv4:127.0.0.1:1000');
        const stillBoth = await connected();
        heads.disconnected('ipv4:127.0.0.1:1000');
        heads.disconnected('ipv4:127.0.0.1:2000');
        const read = await samples(metrics);
        expect([both, stillBoth, valueOf(read, 'dolittle_shared_runtime_heads_connected')]).toEqual([2, 2, 0]);
        expect(valueOf(read, 'dolittle_shared_runtime_heads_connections_total')).toBe(2);
        expect(valueOf(read, 'dolittle_shared_runtime_heads_disconnections_total')).toBe(2);
    });
});

describe('when a processor is watched', () => {
    it('measures its lag at the scrape and drops it once unwatched', async () => {
        const metrics = new RuntimeMetrics();
        const recorder = metrics.recorders.processors(handler);
        const occurred = Date.now() - 4_000;
        const unwatch = recorder.watch({
            position: () => 7,
            failingPartitions: () => 2,
            streamLength: async () => 10,
            occurredAt: async (position) => (position === 7 ? occurred : undefined),
        });
        const watched = await samples(metrics);
        unwatch();
        const unwatched = await samples(metrics);
        expect(valueOf(watched, 'dolittle_customer_runtime_stream_processors_lag_events', handler)).toBe(3);
        expect(valueOf(watched, 'dolittle_customer_runtime_stream_processors_lag_seconds', handler)).toBeGreaterThanOrEqual(4);
        expect(valueOf(watched, 'dolittle_customer_runtime_stream_processors_failing_partitions', handler)).toBe(2);
        expect(unwatched.filter((sample) => sample.name.startsWith('dolittle_customer_runtime_stream_processors_lag'))).toEqual([]);
    });
    it('records processed and failed events under the event handler names too', async () => {
        const metrics = new RuntimeMetrics();
        const recorder = metrics.recorders.processors(handler);
        recorder.processed(0.01);
        recorder.failed(0.02);
        const read = await samples(metrics);
        expect(valueOf(read, 'dolittle_customer_runtime_stream_processors_events_processed_total', handler)).toBe(1);
        expect(valueOf(read, 'dolittle_customer_runtime_stream_processors_event_processing_failures_total', handler)).toBe(1);
        expect(valueOf(read, 'dolittle_customer_runtime_eventhandlers_event_processing_failures_total', { eventHandler: 'a1b2' })).toBe(1);
        expect(valueOf(read, 'dolittle_customer_runtime_eventhandlers_event_processing_time_seconds_count', { eventHandler: 'a1b2' })).toBe(2);
    });
});

describe('when Event Horizon subscriptions of two producers connect, receive and disconnect', () => {
    const metrics = new RuntimeMetrics();
    const { eventHorizon } = metrics.recorders;
    const [first, second] = ['a14bb24e-51f3-4d83-9eba-44c4cffe6bb9', '0c2b7d4e-9a1f-4e3b-8c5d-6f7a8b9c0d1e'];
    const connectedGauge = 'dolittle_shared_runtime_event_horizon_consumer_connected_subscriptions_current';
    const received = 'dolittle_shared_runtime_event_horizon_consumer_handled_events_total';
    eventHorizon.subscriptionConnected(tenant, first);
    eventHorizon.subscriptionConnected(tenant, first);
    eventHorizon.subscriptionConnected(tenant, second);
    eventHorizon.eventsReceived(tenant, first, 3);
    eventHorizon.eventsReceived(tenant, first, 2);
    eventHorizon.eventsReceived(tenant, second, 7);
    eventHorizon.subscriptionDisconnected(tenant, first);
    const read = samples(metrics);
    it('shows the subscriptions connected now per producer', async () => {
        expect([valueOf(await read, connectedGauge, { tenant, producer: first }), valueOf(await read, connectedGauge, { tenant, producer: second })]).toEqual([1, 1]);
    });
    it('counts the received events per producer', async () => {
        expect([valueOf(await read, received, { tenant, producer: first }), valueOf(await read, received, { tenant, producer: second })]).toEqual([5, 7]);
    });
});
