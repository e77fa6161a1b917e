import { aSilentLogger } from '../../eventStore/given/aSilentLogger.js';
import { eventHandlerStreams } from '../../eventHandlers/eventHandlerStreams.js';
import { EventTypeFilter } from '../../filters/EventTypeFilter.js';
import { emptyGuid, newGuid, type Guid } from '../../guids/index.js';
import type { StreamKey, StreamProcessorKey } from '../../streams/index.js';
import type { EventProcessor } from '../EventProcessor.js';
import type { StreamProcessor } from '../StreamProcessor.js';
import { streamSourceFor } from '../streamSourceFor.js';
import { aStreamProcessor } from './aStreamProcessor.js';
import type { TenantUnderTest } from './TenantUnderTest.js';

/** The parts of an event handler as the Runtime lays them out: its stream, and its filter's and processor's keys. */
export type EventHandlerUnderTest = {
    readonly stream: StreamKey;
    readonly filter: StreamProcessorKey;
    readonly processor: StreamProcessorKey;
    /** Starts the handler's stream processor (the filter runs already) with a head, and a clock if told; stopped after the test. */
    start(head: EventProcessor, clock?: () => number): StreamProcessor;
    /** Stops the handler's type filter (it is stopped after the test anyway). */
    stopFilter(): Promise<void>;
    /** Stops the processor started last and starts a new one on the same store, as a head that registers again. */
    restart(head: EventProcessor, clock?: () => number): Promise<StreamProcessor>;
};

/**
 * Starts the type filter of an event handler in the default scope (as startEventHandler does, without gRPC): it writes
 * the events of the types into the handler's stream, partitioned by event source when asked.
 */
export function anEventHandler(tenant: TenantUnderTest, types: ReadonlyArray<Guid>, partitioned: boolean, eventHandlerId: Guid = newGuid()): EventHandlerUnderTest {
    const { stream, filter, processor } = eventHandlerStreams({ scope: emptyGuid, eventHandlerId, types, partitioned });
    const { storage, changes } = tenant.tenant;
    const typeFilter = tenant.run(new EventTypeFilter({ key: filter, target: stream, types, partitioned, eventLog: storage.eventLog, streams: storage.streams, changes, logger: aSilentLogger() }));
    let current: StreamProcessor | undefined;
    const start = (head: EventProcessor, clock?: () => number): StreamProcessor => {
        current = tenant.run(aStreamProcessor(tenant, { key: processor, processor: head, partitioned, source: streamSourceFor(storage.streams, stream), clock }));
        return current;
    };
    return {
        stream,
        filter,
        processor,
        start,
        stopFilter: () => typeFilter.stop(),
        restart: async (head, clock) => {
            await current?.stop();
            return start(head, clock);
        },
    };
}
