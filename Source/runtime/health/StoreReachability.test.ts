import { afterEach, describe, expect, it } from 'vitest';
import { EventStoreIsUnavailable } from '../eventStore/EventStoreIsUnavailable.js';
import type { Guid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { createLogging } from '../logging/index.js';
import { healthLogMessages } from './logMessages.js';
import { Readiness } from './Readiness.js';
import { StoreReachability } from './StoreReachability.js';

const tenant = 'c0ffee00-0000-4000-8000-000000000001' as Guid;
const quickly = { probeIntervalMilliseconds: 5, probeIntervalWhileUnreachableMilliseconds: 5 };

/** A store whose probe succeeds or fails as the test says, counting the probes. */
class SwitchableStore {
    reachable = true;
    probes = 0;
    readonly tenant = tenant;
    probe(): Promise<void> {
        this.probes++;
        return this.reachable ? Promise.resolve() : Promise.reject(new EventStoreIsUnavailable('connect ECONNREFUSED 127.0.0.1:5432'));
    }
}

describe('when watching whether tenants\' stores can be reached', () => {
    let reachability: StoreReachability | undefined;
    const logs: string[] = [];
    const start = () => {
        const readiness = new Readiness();
        readiness.markReady();
        const logger = createLogging({ level: 'debug', format: 'json', categoryLevels: [] }, { write: (line) => logs.push(line) })('runtime.health');
        reachability = new StoreReachability(readiness, logger, quickly);
        return { readiness, reachability };
    };
    const said = (message: string) => logs.filter((line) => line.includes(message)).length;
    afterEach(() => {
        reachability?.stop();
        logs.length = 0;
    });

    describe('and a storage call reports the store unavailable', () => {
        it('reports not ready at once, with the reason, before any probe', () => {
            const { readiness, reachability } = start();
            reachability.unreachable(tenant, 'database is locked');
            expect([readiness.ready, readiness.reason]).toEqual([false, `the event store of tenant ${tenant} is unreachable: database is locked`]);
        });

        it('reports ready again once a probe succeeds', async () => {
            const { readiness, reachability } = start();
            const store = new SwitchableStore();
            reachability.start([store]);
            reachability.unreachable(tenant, 'database is locked');
            await waitUntil(() => readiness.ready, 'the store was probed and found reachable');
            expect(readiness.reason).toBe('ready');
        });
    });

    describe('and a probe fails', () => {
        it('reports not ready, with what the database said', async () => {
            const { readiness, reachability } = start();
            const store = new SwitchableStore();
            store.reachable = false;
            reachability.start([store]);
            await waitUntil(() => !readiness.ready, 'the failed probe was noticed');
            expect(readiness.reason).toBe(`the event store of tenant ${tenant} is unreachable: connect ECONNREFUSED 127.0.0.1:5432`);
        });

        it('logs that the store cannot be reached once, however many probes fail', async () => {
            const { reachability } = start();
            const store = new SwitchableStore();
            store.reachable = false;
            reachability.start([store]);
            await waitUntil(() => store.probes >= 5, 'five probes failed');
            expect(said(healthLogMessages.storeUnreachable.message)).toBe(1);
        });
    });

    describe('and the store returns', () => {
        it('reports ready again and logs it once', async () => {
            const { readiness, reachability } = start();
            const store = new SwitchableStore();
            store.reachable = false;
            reachability.start([store]);
            await waitUntil(() => !readiness.ready, 'the failed probe was noticed');
            store.reachable = true;
            await waitUntil(() => readiness.ready, 'the store was found reachable again');
            await waitUntil(() => store.probes >= 10, 'more probes succeeded');
            expect([said(healthLogMessages.storeUnreachable.message), said(healthLogMessages.storeReachable.message)]).toEqual([1, 1]);
        });
    });

    describe('and it was stopped', () => {
        it('changes readiness no more: the stop owns it then', async () => {
            const { readiness, reachability } = start();
            const store = new SwitchableStore();
            reachability.start([store]);
            await waitUntil(() => store.probes >= 1, 'the store was probed');
            reachability.stop();
            reachability.unreachable(tenant, 'database is locked');
            expect(readiness.ready).toBe(true);
        });
    });
});
