import { TenantId } from '../tenancy/index.js';

/**
 * The database name of a tenant without an eventStore entry in resources.json: `event_store` for the development
 * tenant (as in the original Runtime's development image), else `event_store_` and the tenant id's first 8 digits.
 */
export function defaultEventStoreDatabase(tenant: TenantId): string {
    return tenant === TenantId.development ? 'event_store' : `event_store_${tenant.slice(0, 8)}`;
}
