/**
 * What features report to the metrics, each through a small recorder of its own, so that no feature imports the
 * Prometheus client. Every recorder has a no-op implementation below for tests and tools that run a feature alone.
 */

/** The outcome of one commit, as the event store service saw it. */
export type CommitOutcome =
    | { readonly kind: 'committed'; readonly events: number; readonly aggregate: boolean }
    | { readonly kind: 'concurrencyConflict' }
    | { readonly kind: 'storeUnavailable' }
    | { readonly kind: 'refused' };

/** What the event store service reports, per tenant. */
export interface EventStoreMetrics {
    /** One commit answered after `seconds`, with its outcome. */
    commit(tenant: string, outcome: CommitOutcome, seconds: number): void;
}

/** What one running stream processor looks like to the lag and failing-partition gauges, read at each scrape. */
export type WatchedProcessor = {
    /** The next position the processor will process, or undefined before it has read its state. */
    position(): number | undefined;
    /** How many partitions are failing (0 or 1 for an unpartitioned processor: whether it is halted). */
    failingPartitions(): number;
    /** The position the next event appended to its source stream gets. */
    streamLength(): Promise<number>;
    /** When the event at a position of its source stream occurred (milliseconds since the epoch), if it is there. */
    occurredAt(position: number): Promise<number | undefined>;
};

/** What one stream processor of one tenant reports (bound to its kind, id, scope and tenant). */
export interface ProcessorMetrics {
    /** One event was processed successfully in `seconds`. */
    processed(seconds: number): void;
    /** Processing one event failed after `seconds` (the head answered a failure). */
    failed(seconds: number): void;
    /** Makes the processor visible to the lag and failing-partition gauges; the returned function hides it again. */
    watch(processor: WatchedProcessor): () => void;
    /** Where the processor's loop counts its failed storage calls. */
    readonly storage: StorageMetrics;
}

/** The labels that name one stream processor of one tenant. */
export type ProcessorIdentity = {
    /** `eventHandler`, `filter` or `projection`. */
    readonly kind: string;
    readonly processor: string;
    readonly scope: string;
    readonly tenant: string;
};

/** Creates the recorder of one stream processor of one tenant. */
export type ProcessorMetricsFactory = (identity: ProcessorIdentity) => ProcessorMetrics;

/** What the reverse calls report. */
export interface ReverseCallMetrics {
    /** A ping was written to a client. */
    pingSent(): void;
    /** A client sent nothing for three ping intervals and its call was ended. */
    keepaliveExpired(): void;
}

/** What the registrations report about heads: a head is a peer address with at least one open reverse call. */
export interface HeadMetrics {
    /** A reverse call from `peer` was accepted. */
    connected(peer: string): void;
    /** That reverse call ended. */
    disconnected(peer: string): void;
}

/** What storage loops report when a storage call fails: `unavailable` (an outage) or `failed` (anything else). */
export interface StorageMetrics {
    failed(kind: 'unavailable' | 'failed'): void;
}

/**
 * What the Event Horizon consumer reports, per consumer tenant and producer microservice (the metric names are in
 * Documentation/operations.md). A subscription is connected from the producer's consent until its connection ends.
 */
export interface EventHorizonMetrics {
    subscriptionConnected(consumerTenant: string, producerMicroservice: string): void;
    subscriptionDisconnected(consumerTenant: string, producerMicroservice: string): void;
    /** Events received from a producer and written to the consumer tenant's scoped event log. */
    eventsReceived(consumerTenant: string, producerMicroservice: string, events: number): void;
}

/** Every recorder, as the host hands them to the features. */
export type MetricsRecorders = {
    readonly eventStore: EventStoreMetrics;
    readonly processors: ProcessorMetricsFactory;
    readonly reverseCalls: ReverseCallMetrics;
    readonly heads: HeadMetrics;
    readonly storage: StorageMetrics;
    readonly eventHorizon: EventHorizonMetrics;
};

const ignore = (): void => undefined;

/** Recorders that record nothing. */
export const noMetrics: MetricsRecorders = Object.freeze({
    eventStore: { commit: ignore },
    processors: () => ({ processed: ignore, failed: ignore, watch: () => ignore, storage: { failed: ignore } }),
    reverseCalls: { pingSent: ignore, keepaliveExpired: ignore },
    heads: { connected: ignore, disconnected: ignore },
    storage: { failed: ignore },
    eventHorizon: { subscriptionConnected: ignore, subscriptionDisconnected: ignore, eventsReceived: ignore },
});
