import type { Logger } from '../logging/index.js';
import type { Tenant, TenantCheck } from '../tenancy/index.js';
import { projectionLogMessages as messages } from './logMessages.js';
import { definitionChange, type ProjectionDefinition } from './ProjectionDefinition.js';
import { projectionProcessorKey } from './ProjectionProcessor.js';

/**
 * Checks, for one tenant, that the projection may register: its id is not the stream of a filter or an event handler
 * in the scope (their processors share the id space and the state table). Returns how to store the registration: a
 * new definition is saved; a changed one (initial state, event types, key selectors) is saved together with the
 * deletion of the tenant's read models and a processor state back at the start, so the projection replays; an
 * unchanged one is left as it is, and the projection resumes where it was.
 */
export async function checkProjectionRegistration(definition: ProjectionDefinition, tenant: Tenant, logger: Logger): Promise<TenantCheck> {
    const { streams, projections } = tenant.storage;
    const { scope, projectionId } = definition;
    for (const isPublic of [false, true]) {
        const stream = await streams.definition({ scope, streamId: projectionId, public: isPublic });
        if (stream !== undefined) {
            return { refused: `id ${projectionId} in scope ${scope} is used by ${isPublic ? 'a public filter' : 'a filter or an event handler'} for tenant ${tenant.id}; processor ids must be unique` };
        }
    }
    const stored = await projections.definition(scope, projectionId);
    const change = stored === undefined ? 'it is new' : definitionChange(stored, definition);
    if (change === undefined) {
        return { store: () => Promise.resolve() };
    }
    return {
        store: async () => {
            await projections.saveDefinition(definition, { processor: projectionProcessorKey(definition) });
            if (stored !== undefined) {
                logger.log(messages.replaying, { tenant: tenant.id, change });
            }
        },
    };
}
