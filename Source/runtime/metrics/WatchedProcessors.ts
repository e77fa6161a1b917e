import type { ProcessorIdentity, WatchedProcessor } from './recorders.js';

/** How far one processor is behind its source stream, as last measured. */
export type ProcessorLag = {
    readonly identity: ProcessorIdentity;
    /** Events in the source stream from the processor's position on. */
    readonly events: number;
    /** How long ago the oldest of those events occurred, in seconds (0 when there are none). */
    readonly seconds: number;
    readonly failingPartitions: number;
};

/**
 * The running stream processors the lag gauges describe. Lag is measured when the metrics are scraped, not on every
 * event: it costs two small reads per processor per scrape, and a processor that waits for events costs nothing.
 */
export class WatchedProcessors {
    readonly #watched = new Set<{ readonly identity: ProcessorIdentity; readonly processor: WatchedProcessor }>();

    /** Adds a processor; the returned function removes it. */
    watch(identity: ProcessorIdentity, processor: WatchedProcessor): () => void {
        const entry = { identity, processor };
        this.#watched.add(entry);
        return () => this.#watched.delete(entry);
    }

    /** Measures every processor that has read its state; one whose store cannot answer now is left out. */
    async measure(now: number): Promise<ReadonlyArray<ProcessorLag>> {
        const measured = await Promise.allSettled([...this.#watched].map(async ({ identity, processor }): Promise<ProcessorLag | undefined> => {
            const position = processor.position();
            if (position === undefined) {
                return undefined;
            }
            const length = await processor.streamLength();
            const events = Math.max(0, length - position);
            const occurred = events > 0 ? await processor.occurredAt(position) : undefined;
            const seconds = occurred === undefined ? 0 : Math.max(0, (now - occurred) / 1000);
            return { identity, events, seconds, failingPartitions: processor.failingPartitions() };
        }));
        return measured.flatMap((result) => (result.status === 'fulfilled' && result.value !== undefined ? [result.value] : []));
    }
}
