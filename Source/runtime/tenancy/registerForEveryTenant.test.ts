import { describe, expect, it } from 'vitest';
import { EventStoreIsUnavailable } from '../eventStore/EventStoreIsUnavailable.js';
import type { Guid } from '../guids/index.js';
import { registerForEveryTenant, type TenantCheck } from './registerForEveryTenant.js';
import type { Tenant } from './Tenant.js';

const tenantWith = (number: number) => ({ id: `c0ffee00-0000-4000-8000-00000000000${number}` as Guid }) as Tenant;
const first = tenantWith(1);
const second = tenantWith(2);
const outage = () => new EventStoreIsUnavailable('connect ECONNREFUSED 127.0.0.1:5432');

/** Checks that pass and record what they stored, unless told to fail for a tenant. */
function checks(failures: { readonly checking?: Map<Tenant, unknown>; readonly storing?: Map<Tenant, unknown> } = {}) {
    const stored: Guid[] = [];
    const check = (tenant: Tenant): Promise<TenantCheck> => {
        const checking = failures.checking?.get(tenant);
        if (checking !== undefined) {
            return Promise.reject(checking);
        }
        return Promise.resolve({
            store: () => {
                const storing = failures.storing?.get(tenant);
                if (storing !== undefined) {
                    return Promise.reject(storing);
                }
                stored.push(tenant.id);
                return Promise.resolve();
            },
        });
    };
    return { check, stored };
}

describe('when registering for every tenant', () => {
    describe('and every tenant allows it', () => {
        it('stores it for every tenant and refuses nothing', async () => {
            const { check, stored } = checks();
            expect([await registerForEveryTenant([first, second], check), stored]).toEqual([[], [first.id, second.id]]);
        });
    });

    describe('and a tenant refuses', () => {
        it('stores it for no tenant and answers the refusal', async () => {
            const { stored } = checks();
            const refusing = (tenant: Tenant): Promise<TenantCheck> => Promise.resolve(tenant === second ? { refused: 'no' } : { store: () => Promise.reject(new Error('stored')) });
            expect([await registerForEveryTenant([first, second], refusing), stored]).toEqual([['no'], []]);
        });
    });

    describe('and a tenant\'s store is unavailable while checking', () => {
        it('refuses, naming the tenant and what its database said, and stores it for no tenant', async () => {
            const { check, stored } = checks({ checking: new Map([[second, outage()]]) });
            expect([await registerForEveryTenant([first, second], check), stored]).toEqual([
                [`the event store of tenant ${second.id} is unavailable (connect ECONNREFUSED 127.0.0.1:5432); register again once it is back`],
                [],
            ]);
        });
    });

    describe('and a tenant\'s store is unavailable while storing', () => {
        it('refuses, naming the tenant', async () => {
            const { check } = checks({ storing: new Map([[first, outage()]]) });
            expect(await registerForEveryTenant([first, second], check)).toEqual([
                `the event store of tenant ${first.id} is unavailable (connect ECONNREFUSED 127.0.0.1:5432); register again once it is back`,
            ]);
        });
    });

    describe('and a check fails for another reason', () => {
        it('rejects with that error', async () => {
            const { check } = checks({ checking: new Map([[first, new Error('no such table: stream_definitions')]]) });
            await expect(registerForEveryTenant([first, second], check)).rejects.toThrow('no such table');
        });
    });
});
