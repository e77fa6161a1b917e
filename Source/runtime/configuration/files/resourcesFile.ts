import type { Guid } from '../../guids/index.js';
import type { ConfigurationFile } from '../ConfigurationFile.js';
import type { EventStoreEntry } from '../EventStoreEntry.js';
import { JsonPointer } from '../JsonPointer.js';
import { guidEntries } from './guidEntries.js';

/** One tenant's entry in resources.json: its event store, if given, and where the entry is. */
export type TenantResourcesEntry = {
    /** The pointer (in the user's spelling) to the tenant's eventStore entry, or to the tenant's entry without one. */
    readonly pointer: string;
    readonly eventStore: EventStoreEntry | undefined;
    /** The pointers (in the user's spelling) of the entry's resources the Runtime does not use, e.g. `readModels`. */
    readonly unused?: ReadonlyArray<string>;
};

type StoreContent = {
    readonly database?: string;
    readonly maxConnectionPoolSize?: number;
    readonly postgres?: { readonly connectionString?: string; readonly schema: string; readonly maximumConnections?: number };
    readonly embedded?: { readonly database: string };
};

/**
 * resources.json: where each tenant's event store lives, by tenant id. The projections and embeddings entries are
 * validated and otherwise ignored for now.
 */
export const resourcesFile: ConfigurationFile<ReadonlyMap<Guid, TenantResourcesEntry>> = {
    name: 'resources.json',
    schemaName: 'resources.schema.json',
    documentedAsRequired: true,
    defaultDescription: 'the default event store database for every tenant',
    defaultContent: {},
    read: (content, report, userPointer) => new Map(guidEntries(content, report).map((entry) => {
        const store = (entry.value as { readonly eventStore?: StoreContent }).eventStore;
        const pointer = userPointer(store === undefined ? entry.pointer : JsonPointer.child(entry.pointer, 'eventStore'));
        const unused = Object.keys(entry.value as object).filter((key) => key !== 'eventStore').map((key) => userPointer(JsonPointer.child(entry.pointer, key)));
        return [entry.id, { pointer, eventStore: store && eventStoreEntryOf(store), ...(unused.length > 0 ? { unused } : {}) }];
    })),
};

function eventStoreEntryOf(store: StoreContent): EventStoreEntry {
    if (store.postgres !== undefined) {
        const { connectionString, schema, maximumConnections } = store.postgres;
        return { form: 'postgres', connectionString, schema, maximumConnections: maximumConnections ?? 10 };
    }
    if (store.embedded !== undefined) {
        return { form: 'embedded', database: store.embedded.database };
    }
    return { form: 'mongo', database: store.database ?? '', maxConnectionPoolSize: store.maxConnectionPoolSize ?? 1000 };
}
