import { aSilentLogger } from '../../eventStore/given/aSilentLogger.js';
import { emptyGuid } from '../../guids/index.js';
import type { StreamKey, StreamProcessorKey, StreamStorage } from '../../streams/index.js';
import { eventLogSourceFor } from '../eventLogSourceFor.js';
import type { EventProcessor } from '../EventProcessor.js';
import { StreamProcessor } from '../StreamProcessor.js';
import type { StreamSource } from '../StreamSource.js';
import type { TenantUnderTest } from './TenantUnderTest.js';

/** What a test chooses about a stream processor; the rest comes from the tenant. */
export type StreamProcessorForTest = {
    readonly key: StreamProcessorKey;
    readonly processor: EventProcessor;
    readonly partitioned?: boolean;
    /** The default scope's event log unless told otherwise. */
    readonly source?: StreamSource;
    readonly output?: StreamKey;
    readonly batchSize?: number;
    readonly clock?: () => number;
    /** The tenant's stream storage unless told otherwise (e.g. one that fails on purpose). */
    readonly streams?: StreamStorage;
};

/** A stream processor over the tenant's real storage and change notifications (not started). */
export function aStreamProcessor(tenant: TenantUnderTest, options: StreamProcessorForTest): StreamProcessor {
    const { storage, changes } = tenant.tenant;
    return new StreamProcessor({
        key: options.key,
        partitioned: options.partitioned ?? false,
        source: options.source ?? eventLogSourceFor(storage.eventLog, emptyGuid),
        processor: options.processor,
        streams: options.streams ?? storage.streams,
        changes,
        logger: aSilentLogger(),
        output: options.output,
        batchSize: options.batchSize,
        clock: options.clock,
    });
}
