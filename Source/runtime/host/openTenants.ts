import type { RuntimeConfiguration } from '../configuration/RuntimeConfiguration.js';
import { EventStore } from '../eventStore/index.js';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { eventLogSource, StreamChanges } from '../streams/index.js';
import { Tenants, type Tenant } from '../tenancy/index.js';
import { checkPostgresIsolation } from './checkPostgresIsolation.js';
import { hostLogMessages as messages } from './logMessages.js';
import { openTenantStorage } from './openTenantStorage.js';

/** Told of each storage call that failed because a tenant's store is unavailable, with the reason. */
export type StoreOutages = (tenant: Guid, reason: string) => void;

/**
 * Opens every configured tenant's store and event store, and wires commits to the tenant's change
 * notifications so stream processors wake at once. If one store fails to open, the ones opened are closed.
 * Before any store is opened, refuses tenants that would share a PostgreSQL schema (checkPostgresIsolation).
 */
export async function openTenants(configuration: RuntimeConfiguration, logger: Logger, outages: StoreOutages = () => undefined): Promise<Tenants> {
    await checkPostgresIsolation(configuration);
    const opened = await Promise.allSettled(
        configuration.tenants.map(async (id): Promise<Tenant> => {
            const resources = configuration.resources.get(id);
            if (resources === undefined) {
                throw new Error(`Tenant '${id}' has no resources`);
            }
            const tenantLogger = logger.withBindings({ tenant: id });
            const storage = await openTenantStorage(resources.eventStore, tenantLogger.forCategory('storage'), (error) => outages(id, error.detail));
            const changes = new StreamChanges();
            const eventStore = new EventStore(storage.eventLog, tenantLogger.forCategory('eventStore'));
            eventStore.onCommitted((scope) => changes.changed(eventLogSource(scope)));
            tenantLogger.forCategory('host').log(messages.tenantStoreOpened, { store: storage.description });
            return { id, storage, eventStore, changes };
        }),
    );
    const tenants = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failures = opened.flatMap((result, index) => (result.status === 'rejected' ? [{ tenant: configuration.tenants[index], error: result.reason as unknown }] : []));
    if (failures.length > 0) {
        await Promise.allSettled(tenants.map((tenant) => tenant.storage.close()));
        throw new TenantStoresDidNotOpen(failures.map(({ tenant, error }) => `tenant '${String(tenant)}': ${error instanceof Error ? error.message : String(error)}`));
    }
    return new Tenants(tenants);
}

/** Thrown when one or more tenants' stores could not be opened at start-up. */
export class TenantStoresDidNotOpen extends Error {
    /** Creates the error listing each tenant and why its store did not open. */
    constructor(readonly problems: ReadonlyArray<string>) {
        super(`The event stores of some tenants could not be opened:\n  ${problems.join('\n  ')}`);
        this.name = 'TenantStoresDidNotOpen';
    }
}
