import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { Readiness } from './Readiness.js';

const tenant = 'c0ffee00-0000-4000-8000-000000000001' as Guid;
const otherTenant = 'c0ffee00-0000-4000-8000-000000000002' as Guid;

function started(): Readiness {
    const readiness = new Readiness();
    readiness.markReady();
    return readiness;
}

describe('when telling whether the Runtime is ready', () => {
    describe('and it is starting', () => {
        it('is not ready, because it is starting', () => {
            const readiness = new Readiness();
            expect([readiness.ready, readiness.reason]).toEqual([false, 'starting']);
        });
    });

    describe('and it has started with every store reachable', () => {
        it('is ready', () => {
            const readiness = started();
            expect([readiness.ready, readiness.reason]).toEqual([true, 'ready']);
        });
    });

    describe('and a tenant\'s store is unreachable', () => {
        it('is not ready, naming the tenant and why', () => {
            const readiness = started();
            readiness.markStoreUnreachable(tenant, 'connect ECONNREFUSED 127.0.0.1:5432');
            expect([readiness.ready, readiness.reason]).toEqual([false, `the event store of tenant ${tenant} is unreachable: connect ECONNREFUSED 127.0.0.1:5432`]);
        });

        it('names every tenant whose store is unreachable', () => {
            const readiness = started();
            readiness.markStoreUnreachable(tenant, 'database is locked');
            readiness.markStoreUnreachable(otherTenant, 'Connection terminated unexpectedly');
            expect(readiness.reason.split('\n')).toEqual([
                `the event store of tenant ${tenant} is unreachable: database is locked`,
                `the event store of tenant ${otherTenant} is unreachable: Connection terminated unexpectedly`,
            ]);
        });
    });

    describe('and the store is reachable again', () => {
        it('is ready again', () => {
            const readiness = started();
            readiness.markStoreUnreachable(tenant, 'database is locked');
            readiness.markStoreReachable(tenant);
            expect([readiness.ready, readiness.reason]).toEqual([true, 'ready']);
        });

        it('stays not ready while another tenant\'s store is unreachable', () => {
            const readiness = started();
            readiness.markStoreUnreachable(tenant, 'database is locked');
            readiness.markStoreUnreachable(otherTenant, 'database is locked');
            readiness.markStoreReachable(tenant);
            expect([readiness.ready, readiness.reason]).toEqual([false, `the event store of tenant ${otherTenant} is unreachable: database is locked`]);
        });
    });

    describe('and it is stopping', () => {
        it('is not ready, because it is stopping, even while a store is unreachable', () => {
            const readiness = started();
            readiness.markStoreUnreachable(tenant, 'database is locked');
            readiness.markNotReady('stopping');
            expect([readiness.ready, readiness.reason]).toEqual([false, 'stopping']);
        });
    });
});
