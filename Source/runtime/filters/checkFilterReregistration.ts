import type { Tenant } from '../tenancy/index.js';
import type { FilterRegistration } from './FilterRegistration.js';
import { filterStreams, isPartitioned } from './filterStreams.js';

/**
 * Checks, for one tenant, that registering the filter keeps its stream's rules: a stream written by an event handler
 * stays its, and once the stream has events it stays partitioned (or not) and public (or not). A filter whose logic
 * changed goes on appending from its position: its stream stays append-only and in order (use a new filter id to
 * build a stream from the start). Returns why it may not register, or how to store the registration.
 */
export async function checkFilterReregistration(
    registration: FilterRegistration,
    tenant: Tenant,
): Promise<{ readonly refused: string } | { readonly store: () => Promise<void> }> {
    const { streams } = tenant.storage;
    const keys = filterStreams(registration);
    const partitioned = isPartitioned(registration);
    const other = await streams.definition({ ...keys.stream, public: !keys.stream.public });
    if (other !== undefined) {
        return { refused: `id ${registration.filterId} in scope ${registration.scope} is used by a ${other.public ? 'public filter' : 'private filter or event handler'}; processor ids must be unique` };
    }
    const definition = await streams.definition(keys.stream);
    if (definition !== undefined) {
        if (definition.filter.kind !== 'remote') {
            return { refused: `stream ${registration.filterId} in scope ${registration.scope} is written by an event handler, not a filter` };
        }
        const length = await streams.length(keys.stream);
        if (definition.partitioned !== partitioned && length > 0) {
            return {
                refused: `the filter's stream was ${definition.partitioned ? 'partitioned' : 'unpartitioned'} and has ${length} events for tenant ${tenant.id}; it cannot become ${partitioned ? 'partitioned' : 'unpartitioned'}`,
            };
        }
    }
    return {
        store: () => streams.saveDefinition({ ...keys.stream, partitioned, filter: { kind: 'remote' } }),
    };
}
