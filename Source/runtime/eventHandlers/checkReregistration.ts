import type { Guid } from '../guids/index.js';
import { initialStreamProcessorState } from '../streams/index.js';
import type { Tenant } from '../tenancy/index.js';
import { someEventTypes, type EventHandlerRegistration } from './EventHandlerRegistration.js';
import { eventHandlerStreams } from './eventHandlerStreams.js';

/**
 * Checks, for one tenant, that registering the event handler keeps its stream's rules (reference section 4.2,
 * as a safer superset): the stream stays append-only and in order, and partitioned stays partitioned once the
 * stream has events. Returns why it may not register, or how to store the registration once every tenant allows it
 * (the definition and, when the partitioning of an empty stream changed, a fresh processor state).
 */
export async function checkReregistration(
    registration: EventHandlerRegistration,
    tenant: Tenant,
): Promise<{ readonly refused: string } | { readonly store: () => Promise<void> }> {
    const { streams, eventLog } = tenant.storage;
    const keys = eventHandlerStreams(registration);
    if ((await streams.definition({ ...keys.stream, public: true })) !== undefined) {
        return refused(`id ${registration.eventHandlerId} is used by a public filter; processor ids must be unique`);
    }
    const definition = await streams.definition(keys.stream);
    if (definition !== undefined) {
        if (definition.filter.kind !== 'eventTypes') {
            return refused(`stream ${registration.eventHandlerId} in scope ${registration.scope} is written by a filter, not an event handler`);
        }
        const length = await streams.length(keys.stream);
        if (definition.partitioned !== registration.partitioned && length > 0) {
            const was = definition.partitioned ? 'partitioned' : 'unpartitioned';
            const now = registration.partitioned ? 'partitioned' : 'unpartitioned';
            return refused(`the event handler was ${was} and its stream has ${length} events for tenant ${tenant.id}; it cannot become ${now}`);
        }
        const changed = symmetricDifference(definition.filter.types, registration.types);
        if (changed.length > 0) {
            const filterPosition = (await streams.state(keys.filter))?.position ?? 0;
            if (filterPosition > 0 && (await eventLog.containsTypesBefore(registration.scope, changed, filterPosition))) {
                return refused(`the new event types add or remove types that were already handled for tenant ${tenant.id} (${someEventTypes(changed)}); use a new event handler id to handle a different set of types`);
            }
        }
    }
    const state = await streams.state(keys.processor);
    return {
        store: async () => {
            if (state !== undefined && state.partitioned !== registration.partitioned) {
                await streams.saveState(keys.processor, initialStreamProcessorState(registration.partitioned));
            }
            await streams.saveDefinition({ ...keys.stream, partitioned: registration.partitioned, filter: { kind: 'eventTypes', types: registration.types } });
        },
    };
}

function refused(reason: string): { readonly refused: string } {
    return { refused: reason };
}

function symmetricDifference(before: ReadonlyArray<Guid>, after: ReadonlyArray<Guid>): ReadonlyArray<Guid> {
    const old = new Set(before);
    const current = new Set(after);
    return [...before.filter((type) => !current.has(type)), ...after.filter((type) => !old.has(type))];
}
