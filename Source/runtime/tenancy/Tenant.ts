import type { EventStore } from '../eventStore/index.js';
import type { Guid } from '../guids/index.js';
import type { StreamChanges } from '../streams/index.js';
import type { TenantStorage } from './TenantStorage.js';

/** Everything the Runtime holds open for one tenant: its store, its event store and its change notifications. */
export type Tenant = {
    readonly id: Guid;
    readonly storage: TenantStorage;
    readonly eventStore: EventStore;
    readonly changes: StreamChanges;
};
