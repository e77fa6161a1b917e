import { EventTypeFilter } from '../filters/index.js';
import { emptyGuid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { noMetrics, type ProcessorMetricsFactory } from '../metrics/index.js';
import { StreamProcessor, streamSourceFor, type EditableProcessors, type EventProcessor } from '../streamProcessors/index.js';
import type { Tenant } from '../tenancy/index.js';
import type { EventHandlerRegistration } from './EventHandlerRegistration.js';
import { eventHandlerStreams } from './eventHandlerStreams.js';

/** A running event handler: for every tenant, its type filter and its event processor. */
export type RunningEventHandler = {
    /** Stops every processor; the events in flight are delivered again on the next registration. */
    stop(): Promise<void>;
};

/**
 * Starts an event handler for every tenant, side by side: the type filter writes the handler's stream from the
 * scope's event log, and the event processor hands the stream's events to the head through `processorFor`.
 */
export function startEventHandler(
    registration: EventHandlerRegistration,
    tenants: ReadonlyArray<Tenant>,
    processorFor: (tenant: Tenant) => EventProcessor,
    logger: Logger,
    stopWhen?: AbortSignal,
    metrics: ProcessorMetricsFactory = noMetrics.processors,
    editable?: EditableProcessors,
): RunningEventHandler {
    const keys = eventHandlerStreams(registration);
    const running = tenants.flatMap((tenant) => {
        const tenantLogger = logger.withBindings({ tenant: tenant.id });
        const filter = new EventTypeFilter({
            key: keys.filter,
            target: keys.stream,
            types: registration.types,
            partitioned: registration.partitioned,
            eventLog: tenant.storage.eventLog,
            ...(registration.scope === emptyGuid ? { committedEnd: () => tenant.eventStore.nextSequenceNumber() } : {}),
            streams: tenant.storage.streams,
            changes: tenant.changes,
            logger: tenantLogger.forCategory('filter'),
            ...(stopWhen === undefined ? {} : { stopWhen }),
        });
        const processor = new StreamProcessor({
            key: keys.processor,
            partitioned: registration.partitioned,
            source: streamSourceFor(tenant.storage.streams, keys.stream),
            processor: processorFor(tenant),
            streams: tenant.storage.streams,
            changes: tenant.changes,
            logger: tenantLogger.forCategory('processor'),
            ...(stopWhen === undefined ? {} : { stopWhen }),
            metrics: metrics({ kind: 'eventHandler', processor: registration.eventHandlerId, scope: registration.scope, tenant: tenant.id }),
            ...(editable === undefined ? {} : { editable: { tenant: tenant.id, processors: editable } }),
        });
        filter.start();
        processor.start();
        return [filter, processor];
    });
    return {
        stop: async () => {
            await Promise.all(running.map((part) => part.stop()));
        },
    };
}
