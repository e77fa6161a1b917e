import type { ProcessorMetrics } from '../metrics/index.js';
import type { StreamProcessorState } from '../streams/index.js';
import type { StreamSource } from './StreamSource.js';

/**
 * Shows a running processor to the lag and failing-partition gauges, which read its current state and its source when
 * the metrics are scraped. Returns the function that hides it again (a no-op without metrics).
 */
export function watchProcessor(metrics: ProcessorMetrics | undefined, source: StreamSource, state: () => StreamProcessorState | undefined): () => void {
    if (metrics === undefined) {
        return () => undefined;
    }
    return metrics.watch({
        position: () => state()?.position,
        failingPartitions: () => failingPartitionsOf(state()),
        streamLength: () => source.length(),
        occurredAt: async (position) => (await source.read(position, 1))[0]?.event.occurred,
    });
}

function failingPartitionsOf(state: StreamProcessorState | undefined): number {
    if (state === undefined) {
        return 0;
    }
    return state.partitioned ? state.failingPartitions.size : Number(state.failure !== undefined);
}

/** Processes one event through `work`, counting its outcome and time in the processor's metrics. */
export async function measureProcessing<Outcome extends { readonly succeeded: boolean }>(metrics: ProcessorMetrics | undefined, work: () => Promise<Outcome>): Promise<Outcome> {
    const started = performance.now();
    const outcome = await work();
    const seconds = (performance.now() - started) / 1000;
    if (outcome.succeeded) {
        metrics?.processed(seconds);
    } else {
        metrics?.failed(seconds);
    }
    return outcome;
}
