import type { Guid } from '../guids/index.js';
import type { Tenant } from './Tenant.js';

/** The configured tenants with their open stores: the one place features find a tenant by id. */
export class Tenants {
    readonly #tenants: ReadonlyMap<Guid, Tenant>;

    /** Creates the set from open tenants, in configuration order. */
    constructor(tenants: ReadonlyArray<Tenant>) {
        this.#tenants = new Map(tenants.map((tenant) => [tenant.id, tenant]));
    }

    /** The tenant with the given id, or undefined when it is not in tenants.json. */
    get(id: Guid): Tenant | undefined {
        return this.#tenants.get(id);
    }

    /** Every configured tenant, in configuration order. */
    get all(): ReadonlyArray<Tenant> {
        return [...this.#tenants.values()];
    }
}
