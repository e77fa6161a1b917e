import type { StreamEvent } from '../streams/index.js';
import type { StreamSource } from './StreamSource.js';

type ReadAhead = { readonly fromPosition: number; readonly limit: number; readonly events: Promise<ReadonlyArray<StreamEvent> | undefined> };

/**
 * A source whose reads look one batch ahead: when a read returns a full batch, the next batch is read at once, while
 * the processor hands out this one, so a catch-up on PostgreSQL does not wait a query between two batches. Positions
 * never change once written, so a batch read ahead stays true; only an empty or failed one is read again (the stream
 * may have grown since, and the processor must see that before it waits for a change).
 */
export function readingAhead(source: StreamSource): StreamSource {
    let ahead: ReadAhead | undefined;
    return {
        changes: source.changes,
        length: () => source.length(),
        readPartition: (partition, fromPosition, beforePosition, limit) => source.readPartition(partition, fromPosition, beforePosition, limit),
        async read(fromPosition, limit) {
            const taken = ahead;
            ahead = undefined;
            const readBefore = taken !== undefined && taken.fromPosition === fromPosition && taken.limit === limit ? await taken.events : undefined;
            const events = readBefore !== undefined && readBefore.length > 0 ? readBefore : await source.read(fromPosition, limit);
            const last = events.at(-1);
            if (events.length === limit && last !== undefined) {
                const next = last.position + 1;
                ahead = { fromPosition: next, limit, events: source.read(next, limit).catch(() => undefined) };
            }
            return events;
        },
    };
}
