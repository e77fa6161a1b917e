import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MetricsRecorders, ProcessorIdentity, ProcessorMetrics } from './recorders.js';
import { WatchedProcessors } from './WatchedProcessors.js';

// Seconds, from a fast embedded commit to a head that takes a while.
const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const processorLabels = ['kind', 'processor', 'scope', 'tenant'] as const;
const eventHandlerLabels = ['eventHandler', 'scope', 'tenant'] as const;

/**
 * The Runtime's Prometheus metrics (prom-client), named after the original's: `dolittle_shared_runtime_*` for heads
 * and the Event Horizon, `dolittle_system_runtime_*` for reverse calls, and the 8.x `dolittle_customer_runtime_*`
 * for the event store, event handlers and stream processors; plus Node's process metrics. Features report through
 * `recorders`; Documentation/operations.md describes every metric.
 */
export class RuntimeMetrics {
    readonly registry = new Registry();
    readonly recorders: MetricsRecorders;
    readonly #watched = new WatchedProcessors();
    readonly #lagEvents: Gauge<(typeof processorLabels)[number]>;
    readonly #lagSeconds: Gauge<(typeof processorLabels)[number]>;
    readonly #failingPartitions: Gauge<(typeof processorLabels)[number]>;

    /** Creates every metric in a registry of its own (so that two Runtimes in one process, as in tests, do not mix). */
    constructor() {
        const registers = [this.registry];
        collectDefaultMetrics({ register: this.registry });
        const counter = <L extends string>(name: string, help: string, labelNames: ReadonlyArray<L> = []) => new Counter<L>({ name, help, labelNames, registers });
        const gauge = <L extends string>(name: string, help: string, labelNames: ReadonlyArray<L> = []) => new Gauge<L>({ name, help, labelNames, registers });
        const histogram = <L extends string>(name: string, help: string, labelNames: ReadonlyArray<L>) =>
            new Histogram<L>({ name, help, labelNames, buckets: latencyBuckets, registers });

        const headsConnected = gauge('dolittle_shared_runtime_heads_connected', 'Heads (peer addresses with at least one open reverse call) connected now');
        const headConnections = counter('dolittle_shared_runtime_heads_connections_total', 'Heads that connected');
        const headDisconnections = counter('dolittle_shared_runtime_heads_disconnections_total', 'Heads that disconnected');

        const store = 'dolittle_customer_runtime_events_store_';
        const commits = counter(`${store}commits_total`, 'Commits answered, by tenant and outcome', ['tenant', 'outcome']);
        const committedEvents = counter(`${store}committed_events_total`, 'Events committed (plain and aggregate commits), by tenant', ['tenant']);
        const committedAggregateEvents = counter(`${store}committed_aggregate_events_total`, 'Events committed for aggregates, by tenant', ['tenant']);
        const conflicts = counter(`${store}aggregate_concurrency_conflicts_total`, 'Aggregate commits refused because the expected version was not the current one', ['tenant']);
        const commitLatency = histogram(`${store}commit_seconds`, 'Time from receiving a commit to answering it, by tenant', ['tenant']);

        const processors = 'dolittle_customer_runtime_stream_processors_';
        const processed = counter(`${processors}events_processed_total`, 'Events processed successfully', processorLabels);
        const failures = counter(`${processors}event_processing_failures_total`, 'Events whose processing failed (each attempt)', processorLabels);
        const processingTime = histogram(`${processors}event_processing_time_seconds`, 'Time to process one event, including the head', processorLabels);
        this.#lagEvents = gauge(`${processors}lag_events`, 'Events in the source stream the processor has not processed yet', processorLabels);
        this.#lagSeconds = gauge(`${processors}lag_seconds`, 'Age of the oldest event the processor has not processed yet (0 when caught up)', processorLabels);
        this.#failingPartitions = gauge(`${processors}failing_partitions`, 'Failing partitions (an unpartitioned processor counts 1 while halted)', processorLabels);

        const handlers = 'dolittle_customer_runtime_eventhandlers_';
        const handlerProcessingTime = histogram(`${handlers}event_processing_time_seconds`, 'Time an event handler took to process one event', eventHandlerLabels);
        const handlerFailures = counter(`${handlers}event_processing_failures_total`, 'Events an event handler failed to process (each attempt)', eventHandlerLabels);

        const reverseCalls = 'dolittle_system_runtime_services_reversecalls_';
        const pings = counter(`${reverseCalls}pings_sent_total`, 'Pings written to reverse-call clients');
        const keepaliveTimeouts = counter(`${reverseCalls}keepalive_timeouts_total`, 'Reverse calls ended because the client sent nothing for three ping intervals');

        const storageErrors = counter('dolittle_customer_runtime_storage_errors_total', 'Failed storage calls of the processing loops, by kind (unavailable: an outage; failed: anything else)', ['kind']);

        const consumer = 'dolittle_shared_runtime_event_horizon_consumer_';
        const subscriptions = gauge(`${consumer}connected_subscriptions_current`, 'Event Horizon subscriptions connected to a producer now', ['tenant', 'producer']);
        const received = counter(`${consumer}handled_events_total`, 'Events received from producers and written to the consumer tenant', ['tenant', 'producer']);

        const storage = { failed: (kind: 'unavailable' | 'failed') => storageErrors.inc({ kind }) };
        const peers = new Map<string, number>();
        const processorMetrics = (identity: ProcessorIdentity): ProcessorMetrics => {
            const labels = { ...identity };
            const handler = identity.kind === 'eventHandler' ? { eventHandler: identity.processor, scope: identity.scope, tenant: identity.tenant } : undefined;
            return {
                processed: (seconds) => {
                    processed.inc(labels);
                    processingTime.observe(labels, seconds);
                    if (handler !== undefined) {
                        handlerProcessingTime.observe(handler, seconds);
                    }
                },
                failed: (seconds) => {
                    failures.inc(labels);
                    processingTime.observe(labels, seconds);
                    if (handler !== undefined) {
                        handlerFailures.inc(handler);
                        handlerProcessingTime.observe(handler, seconds);
                    }
                },
                watch: (processor) => this.#watched.watch(identity, processor),
                storage,
            };
        };
        this.recorders = Object.freeze({
            eventStore: {
                commit: (tenant, outcome, seconds) => {
                    commits.inc({ tenant, outcome: outcome.kind });
                    commitLatency.observe({ tenant }, seconds);
                    if (outcome.kind === 'concurrencyConflict') {
                        conflicts.inc({ tenant });
                    }
                    if (outcome.kind === 'storeUnavailable') {
                        storage.failed('unavailable');
                    }
                    if (outcome.kind === 'committed') {
                        committedEvents.inc({ tenant }, outcome.events);
                        if (outcome.aggregate) {
                            committedAggregateEvents.inc({ tenant }, outcome.events);
                        }
                    }
                },
            },
            processors: processorMetrics,
            reverseCalls: { pingSent: () => pings.inc(), keepaliveExpired: () => keepaliveTimeouts.inc() },
            heads: {
                connected: (peer) => {
                    const calls = peers.get(peer) ?? 0;
                    peers.set(peer, calls + 1);
                    if (calls === 0) {
                        headConnections.inc();
                        headsConnected.set(peers.size);
                    }
                },
                disconnected: (peer) => {
                    const calls = (peers.get(peer) ?? 1) - 1;
                    if (calls > 0) {
                        peers.set(peer, calls);
                        return;
                    }
                    peers.delete(peer);
                    headDisconnections.inc();
                    headsConnected.set(peers.size);
                },
            },
            storage,
            eventHorizon: {
                subscriptionConnected: (tenant, producer) => subscriptions.inc({ tenant, producer }),
                subscriptionDisconnected: (tenant, producer) => subscriptions.dec({ tenant, producer }),
                eventsReceived: (tenant, producer, events) => received.inc({ tenant, producer }, events),
            },
        });
    }

    /** The Prometheus text exposition of every metric, with the lag of every running processor measured now. */
    async text(): Promise<{ readonly contentType: string; readonly body: string }> {
        const lags = await this.#watched.measure(Date.now());
        for (const gauge of [this.#lagEvents, this.#lagSeconds, this.#failingPartitions]) {
            gauge.reset();
        }
        for (const lag of lags) {
            const labels = { ...lag.identity };
            this.#lagEvents.set(labels, lag.events);
            this.#lagSeconds.set(labels, lag.seconds);
            this.#failingPartitions.set(labels, lag.failingPartitions);
        }
        return { contentType: this.registry.contentType, body: await this.registry.metrics() };
    }
}
