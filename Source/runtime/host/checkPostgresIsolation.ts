import { join } from 'node:path';
import { ConfigurationIsInvalid, findSharedStores, type RuntimeConfiguration, type TenantEventStore } from '../configuration/index.js';
import { identifyPostgresDatabase } from '../storage/postgres/index.js';

/**
 * Refuses to start when two tenants' PostgreSQL event stores are the same schema of the same database on the same
 * server, however differently their connection strings spell the server's address (`localhost` and `127.0.0.1`,
 * a DNS alias, a Unix socket): they would read and write each other's events. Configuration validation compares the
 * connection strings' text, which aliases pass; this asks each server who it is, so it needs connections, and runs at
 * start-up before any tenant's store is opened (and its schema created or migrated). Throws ConfigurationIsInvalid
 * naming both tenants and the schema. A server that cannot be asked is left out here: opening its tenants' stores
 * fails next, with the reason.
 */
export async function checkPostgresIsolation(configuration: RuntimeConfiguration): Promise<void> {
    const stores = configuration.tenants.flatMap((tenant) => {
        const resource = configuration.resources.get(tenant)?.eventStore;
        return resource?.kind === 'postgres' ? [{ tenant, resource, pointer: `/${tenant}/eventStore`, connectionString: resource.connectionString, schema: resource.schema }] : [];
    });
    if (stores.length < 2) {
        return;
    }
    // Each connection string is asked once, however many tenants use it.
    const asked = new Map<string, Promise<string | undefined>>();
    const identify = (connectionString: string): Promise<string | undefined> => {
        const identity = asked.get(connectionString) ?? identifyPostgresDatabase(connectionString).catch(() => undefined);
        asked.set(connectionString, identity);
        return identity;
    };
    const identities = new Map<TenantEventStore, string>();
    await Promise.all(stores.map(async (store) => {
        const identity = await identify(store.connectionString);
        if (identity !== undefined) {
            identities.set(store, `${identity} schema ${store.schema}`);
        }
    }));
    const problems = findSharedStores(
        join(configuration.configurationFolder, 'resources.json'),
        stores.filter((store) => identities.has(store)),
        (store) => identities.get(store) ?? '',
    );
    if (problems.length > 0) {
        throw new ConfigurationIsInvalid(configuration.configurationFolder, problems);
    }
}
