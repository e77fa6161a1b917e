import type { Guid } from '../guids/index.js';
import type { TenantId } from '../tenancy/index.js';
import type { CommandLineOptions } from './CommandLineOptions.js';
import type { ConfigurationProblem } from './ConfigurationProblem.js';
import { defaultEventStoreDatabase } from './defaultEventStoreDatabase.js';
import { eventStoreResourceFor } from './eventStoreResourceFor.js';
import type { TenantResourcesEntry } from './files/resourcesFile.js';
import { findSharedStores, type TenantEventStore } from './findSharedStores.js';
import type { TenantResources } from './RuntimeConfiguration.js';

/** The resources of every tenant, with the problems and warnings found on the way. */
export type ResolvedTenantResources = {
    readonly resources: ReadonlyMap<Guid, TenantResources>;
    readonly problems: ReadonlyArray<ConfigurationProblem>;
    readonly warnings: ReadonlyArray<string>;
};

/**
 * Gives every tenant of tenants.json its event store: its resources.json entry mapped onto a backend, or the default
 * database when it has none. Entries for other tenants are ignored with a warning; shared stores are problems.
 */
export function resolveTenantResources(
    resourcesFile: string,
    tenants: ReadonlyArray<TenantId>,
    entries: ReadonlyMap<Guid, TenantResourcesEntry>,
    options: CommandLineOptions,
    fileExists: boolean,
): ResolvedTenantResources {
    const problems: ConfigurationProblem[] = [];
    const warnings: string[] = [];
    const stores: TenantEventStore[] = [];
    for (const tenant of tenants) {
        const entry = entries.get(tenant);
        const eventStore = entry?.eventStore ?? { form: 'mongo', database: defaultEventStoreDatabase(tenant), maxConnectionPoolSize: 1000 };
        const pointer = entry?.pointer ?? `/${tenant}`;
        if (entry?.eventStore === undefined && fileExists) {
            warnings.push(`Tenant ${tenant} has no eventStore in ${resourcesFile}: it uses the default database '${defaultEventStoreDatabase(tenant)}'`);
        }
        const mapping = eventStoreResourceFor(eventStore, options);
        if (mapping.mapped) {
            stores.push({ tenant, resource: mapping.resource, pointer });
        } else {
            problems.push({ file: resourcesFile, pointer, found: mapping.found, expected: mapping.expected });
        }
    }
    for (const [tenant, entry] of entries) {
        if (!tenants.includes(tenant as TenantId)) {
            warnings.push(`${resourcesFile} has an entry at ${entry.pointer} for tenant ${tenant}, which is not in tenants.json: it is ignored`);
        }
    }
    problems.push(...findSharedStores(resourcesFile, stores));
    const resources = new Map(stores.map((store) => [store.tenant as Guid, { eventStore: store.resource }]));
    return { resources, problems, warnings };
}
