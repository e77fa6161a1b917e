import { resolve } from 'node:path';
import type { Guid } from '../guids/index.js';
import type { ConfigurationProblem } from './ConfigurationProblem.js';
import { postgresServerIdentity } from './postgresServerIdentity.js';
import type { EventStoreResource } from './RuntimeConfiguration.js';

/** The event store a tenant was given, and the pointer into resources.json that gave it. */
export type TenantEventStore = { readonly tenant: Guid; readonly resource: EventStoreResource; readonly pointer: string };

/**
 * Finds tenants that would share an event store (the same database file, or the same schema on the same PostgreSQL
 * database), which would break their isolation. Each problem names both tenants. Stores are the same when their
 * identities are: by default those read from the configuration (the file's path; the server, port and database the
 * connection string names), a cheap first pass; the host passes the identity each PostgreSQL server gives of itself,
 * which aliases of one server's address cannot hide.
 */
export function findSharedStores(
    resourcesFile: string,
    stores: ReadonlyArray<TenantEventStore>,
    identityOf: (store: TenantEventStore) => string = configuredIdentityOf,
): ReadonlyArray<ConfigurationProblem> {
    const owners = new Map<string, TenantEventStore>();
    const problems: ConfigurationProblem[] = [];
    for (const store of stores) {
        const key = identityOf(store);
        const owner = owners.get(key);
        if (owner === undefined) {
            owners.set(key, store);
            continue;
        }
        problems.push({
            file: resourcesFile,
            pointer: store.pointer,
            found: `tenant ${store.tenant} using ${describe(store.resource)}, which tenant ${owner.tenant} also uses`,
            expected: 'an event store of its own for every tenant (tenants must stay isolated)',
        });
    }
    return problems;
}

function configuredIdentityOf({ resource }: TenantEventStore): string {
    // Files are compared ignoring case, since they collide on case-insensitive file systems.
    return resource.kind === 'embedded'
        ? `embedded ${resolve(resource.file).toLowerCase()}`
        : `postgres ${postgresServerIdentity(resource.connectionString)} ${resource.schema}`;
}

function describe(resource: EventStoreResource): string {
    return resource.kind === 'embedded'
        ? `the database file ${JSON.stringify(resource.file)}`
        : `the PostgreSQL schema ${JSON.stringify(resource.schema)} on the same server`;
}
