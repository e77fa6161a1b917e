import type { ProcessorMetrics } from '../metrics/index.js';
import type { StreamProcessorState } from '../streams/index.js';
import type { StreamSource } from './StreamSource.js';

/** Where a processor is: the next position it processes, and how many of its partitions (or keys) are failing. */
export type ProcessorProgress = { readonly position: number; readonly failingPartitions: number };

/**
 * Shows a running processor to the lag and failing-partition gauges, which read its progress and its source when the
 * metrics are scraped (`progress` answers undefined until the processor has read its state). Returns the function
 * that hides it again (a no-op without metrics).
 */
export function watchProcessor(metrics: ProcessorMetrics | undefined, source: StreamSource, progress: () => ProcessorProgress | undefined): () => void {
    if (metrics === undefined) {
        return () => undefined;
    }
    return metrics.watch({
        position: () => progress()?.position,
        failingPartitions: () => progress()?.failingPartitions ?? 0,
        streamLength: () => source.length(),
        occurredAt: async (position) => (await source.read(position, 1))[0]?.event.occurred,
    });
}

/** The progress of a stream processor in a state: an unpartitioned one counts one failing partition while halted. */
export function progressOf(state: StreamProcessorState | undefined): ProcessorProgress | undefined {
    if (state === undefined) {
        return undefined;
    }
    return { position: state.position, failingPartitions: state.partitioned ? state.failingPartitions.size : Number(state.failure !== undefined) };
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
