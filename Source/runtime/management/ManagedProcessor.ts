import type { EventLogStorage } from '../eventStore/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import type { ProjectionDefinition } from '../projections/index.js';
import type { StreamKey, StreamProcessorKey, StreamStorage } from '../streams/index.js';
import type { Tenant } from '../tenancy/index.js';

/** The kinds of processors the management API shows. */
export type ProcessorKind = 'event handler' | 'filter' | 'projection';

/** A processor found in a tenant's store, with where its state is and how to read the stream it processes. */
export type ManagedProcessor = {
    readonly kind: ProcessorKind;
    readonly scope: Guid;
    readonly processorId: Guid;
    readonly key: StreamProcessorKey;
    readonly partitioned: boolean;
    readonly eventTypes: ReadonlyArray<Guid>;
    /** For projections: the stored definition (a replay stores it again with the read models reset). */
    readonly projection?: ProjectionDefinition;
    /** The position the next event of the stream it reads gets. */
    head(): Promise<number>;
    /** The event log sequence number and occurred time of the event at a position of its stream, if there is one. */
    eventAt(position: number): Promise<{ readonly sequenceNumber: number; readonly occurred: number } | undefined>;
};

/** Finds the processors of a kind in a tenant's store: event handlers and filters by their streams, projections by their definitions. */
export async function findProcessors(tenant: Tenant, kind: ProcessorKind): Promise<ReadonlyArray<ManagedProcessor>> {
    const { streams, eventLog, projections } = tenant.storage;
    if (kind === 'event handler' || kind === 'filter') {
        const definitions = await streams.definitions();
        return definitions
            .filter((definition) => (kind === 'event handler' ? definition.filter.kind === 'eventTypes' : definition.filter.kind === 'remote'))
            .map((definition) => {
                const scope = definition.scope;
                const processorId = definition.streamId;
                if (kind === 'filter') {
                    return { kind, scope, processorId, key: { scope, processorId, sourceStreamId: emptyGuid }, partitioned: false, eventTypes: [], ...eventLogReading(eventLog, scope) };
                }
                const types = definition.filter.kind === 'eventTypes' ? definition.filter.types : [];
                const stream: StreamKey = { scope, streamId: processorId, public: false };
                return { kind, scope, processorId, key: { scope, processorId, sourceStreamId: processorId }, partitioned: definition.partitioned, eventTypes: types, ...streamReading(streams, stream) };
            });
    }
    const keys = await streams.processorKeys();
    const found = await Promise.all(
        keys
            .filter((key) => key.sourceStreamId === emptyGuid)
            .map(async (key): Promise<ManagedProcessor | undefined> => {
                const definition = await projections.definition(key.scope, key.processorId);
                if (definition === undefined) {
                    return undefined;
                }
                return {
                    kind,
                    scope: key.scope,
                    processorId: key.processorId,
                    key,
                    partitioned: false,
                    eventTypes: definition.selectors.map((selector) => selector.eventType),
                    projection: definition,
                    ...eventLogReading(eventLog, key.scope),
                };
            }),
    );
    return found.filter((processor) => processor !== undefined);
}

/** Finds one processor of a kind by scope and id in a tenant's store, or undefined. */
export async function findProcessor(tenant: Tenant, kind: ProcessorKind, scope: Guid, processorId: Guid): Promise<ManagedProcessor | undefined> {
    const all = await findProcessors(tenant, kind);
    return all.find((processor) => processor.scope === scope && processor.processorId === processorId);
}

function eventLogReading(eventLog: EventLogStorage, scope: Guid): Pick<ManagedProcessor, 'head' | 'eventAt'> {
    return {
        head: () => eventLog.nextSequenceNumber(scope),
        eventAt: async (position) => {
            const [event] = await eventLog.read(scope, position, 1);
            return event === undefined || event.sequenceNumber !== position ? undefined : { sequenceNumber: event.sequenceNumber, occurred: event.occurred };
        },
    };
}

function streamReading(streams: StreamStorage, stream: StreamKey): Pick<ManagedProcessor, 'head' | 'eventAt'> {
    return {
        head: () => streams.length(stream),
        eventAt: async (position) => {
            const [event] = await streams.read(stream, position, 1);
            return event === undefined || event.position !== position ? undefined : { sequenceNumber: event.event.sequenceNumber, occurred: event.event.occurred };
        },
    };
}
