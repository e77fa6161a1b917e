import type { EventTypes } from '../artifacts/EventTypes.js';
import type { RuntimeConnection } from '../connection/RuntimeConnection.js';
import type { ExecutionContext } from '../execution/ExecutionContext.js';
import type { GuidLike } from '../execution/Guid.js';
import { TenantId } from '../execution/TenantId.js';
import type { CommitGrouping } from './CommitGroups.js';
import { EventStore } from './EventStore.js';

/** Gives the event store of a tenant: `client.eventStore.forTenant(TenantId.development)`. */
export class EventStoreBuilder {
    readonly #connection: RuntimeConnection;
    readonly #eventTypes: EventTypes;
    readonly #executionContext: ExecutionContext;
    readonly #commitGrouping: CommitGrouping;
    readonly #stores = new Map<string, EventStore>();

    /** Creates the builder of a client. */
    constructor(connection: RuntimeConnection, eventTypes: EventTypes, executionContext: ExecutionContext, commitGrouping: CommitGrouping) {
        this.#connection = connection;
        this.#commitGrouping = commitGrouping;
        this.#eventTypes = eventTypes;
        this.#executionContext = executionContext;
    }

    /** The event store of a tenant (one per tenant and client, reused). */
    forTenant(tenantId: TenantId | GuidLike): EventStore {
        const tenant = TenantId.from(tenantId);
        let store = this.#stores.get(tenant.value);
        if (store === undefined) {
            store = new EventStore(this.#connection, this.#eventTypes, this.#executionContext.forTenant(tenant), this.#commitGrouping);
            this.#stores.set(tenant.value, store);
        }
        return store;
    }
}
