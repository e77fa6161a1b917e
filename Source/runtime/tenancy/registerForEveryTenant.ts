import { EventStoreIsUnavailable } from '../eventStore/index.js';
import type { Tenant } from './Tenant.js';

/** Why a tenant refuses a registration. */
export type Refusal = { readonly refused: string };

/** A tenant's answer to a registration: a refusal, or how to store the registration once every tenant allows it. */
export type TenantCheck = Refusal | { readonly store: () => Promise<void> };

/**
 * Checks a registration (of an event handler or a filter) for every tenant at once and, when none refuses, stores it
 * for every tenant; returns the refusals (none when it was stored). A tenant whose store is unavailable, while
 * checking or storing, refuses too, naming the tenant and what its database said: the head is told why with the
 * registration's documented failure and registers again later, instead of its connection ending as an unexpected
 * error. Other errors reject.
 */
export async function registerForEveryTenant(tenants: ReadonlyArray<Tenant>, check: (tenant: Tenant) => Promise<TenantCheck>): Promise<ReadonlyArray<string>> {
    const checks = await Promise.all(tenants.map((tenant) => check(tenant).catch((error: unknown) => refusedWhenUnavailable(tenant, error))));
    const refusals = checks.flatMap((result) => ('refused' in result ? [result.refused] : []));
    if (refusals.length > 0) {
        return refusals;
    }
    const stored = await Promise.all(
        checks.map((result, index) => ('store' in result ? result.store().then(() => undefined, (error: unknown) => refusedWhenUnavailable(tenants[index]!, error)) : undefined)),
    );
    return stored.flatMap((result) => (result === undefined ? [] : [result.refused]));
}

function refusedWhenUnavailable(tenant: Tenant, error: unknown): Refusal {
    if (error instanceof EventStoreIsUnavailable) {
        return { refused: `the event store of tenant ${tenant.id} is unavailable (${error.detail}); register again once it is back` };
    }
    throw error;
}
