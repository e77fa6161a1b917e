import { afterEach, describe, expect, it } from 'vitest';
import { aCommittedEvent } from '../eventStore/given/aCommittedEvent.js';
import type { Guid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import type { TenantStorage } from '../tenancy/index.js';
import type { SubscriptionKey } from './SubscriptionKey.js';
import { SubscriptionWasChangedElsewhere } from './SubscriptionStorage.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const subscription: SubscriptionKey = {
    producerMicroservice: 'a14bb24e-51f3-4d83-9eba-44c4cffe6bb9' as Guid,
    producerTenant: '445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as Guid,
    stream: '2c087657-b318-40b1-ae92-a400de44e507' as Guid,
    partition: '00000000-0000-0000-0000-000000000000' as Guid,
    scope: 'b2c5e1e7-6d4c-4f3e-9a55-8e3d2a9b1c40' as Guid,
};
const external = (position: number) => ({ externalSequenceNumber: position * 10, received: Date.UTC(2026, 0, 1), consentId: 'ad57aa2b-e641-4251-b800-dd171e175d1f' as Guid });

describeForEachBackend(backends, 'when received events are written on $name', (backend) => {
    const opened: TenantStorage[] = [];
    const open = async () => {
        const storage = await backend.openStorage();
        opened.push(storage);
        return storage;
    };
    afterEach(async () => {
        await Promise.all(opened.splice(0).map((storage) => storage.close()));
    });

    describe('and the batch is written from the position the subscription is at', () => {
        it('stores the events in the scope and moves the position, together', async () => {
            const storage = await open();
            await storage.subscriptions.receive(subscription, [aCommittedEvent(0, { external: external(3) }), aCommittedEvent(1, { external: external(7) })], 0, 8);
            const stored = await storage.eventLog.read(subscription.scope, 0, 10);
            expect([await storage.subscriptions.position(subscription), stored.map((event) => event.external?.externalSequenceNumber)]).toEqual([8, [30, 70]]);
        });
    });

    describe('and a second writer writes from a position the subscription has left', () => {
        it('refuses it and stores nothing of it', async () => {
            const storage = await open();
            await storage.subscriptions.receive(subscription, [aCommittedEvent(0, { external: external(0) })], 0, 1);
            const again = storage.subscriptions.receive(subscription, [aCommittedEvent(1, { external: external(0) })], 0, 1);
            await expect(again).rejects.toBeInstanceOf(SubscriptionWasChangedElsewhere);
            expect([await storage.subscriptions.position(subscription), (await storage.eventLog.read(subscription.scope, 0, 10)).length]).toEqual([1, 1]);
        });
    });

    describe('and the batch would take a sequence number of the scope that is taken', () => {
        it('refuses it and does not move the position', async () => {
            const storage = await open();
            await storage.subscriptions.receive(subscription, [aCommittedEvent(0, { external: external(0) })], 0, 1);
            const other = { ...subscription, partition: '6a1e1c5b-3f0e-4d0f-8d3c-2f7a4b9e1c11' as Guid };
            await expect(storage.subscriptions.receive(other, [aCommittedEvent(0, { external: external(5) })], 0, 6)).rejects.toBeInstanceOf(SubscriptionWasChangedElsewhere);
            expect(await storage.subscriptions.position(other)).toBe(0);
        });
    });

    describe('and the subscriptions are listed', () => {
        it('lists every subscription that received events, with its position and when it last received, and none other', async () => {
            const storage = await open();
            const other = { ...subscription, partition: '6a1e1c5b-3f0e-4d0f-8d3c-2f7a4b9e1c11' as Guid, scope: '0f3c9a7e-2b1d-4c5e-8f6a-7b8c9d0e1f2a' as Guid };
            const before = await storage.subscriptions.all();
            await storage.subscriptions.receive(subscription, [aCommittedEvent(0, { external: external(4) })], 0, 5);
            const later = { ...external(1), received: Date.UTC(2026, 0, 1, 0, 0, 1) };
            // The latest receive time of the batch is kept, whichever event has it.
            await storage.subscriptions.receive(other, [aCommittedEvent(0, { external: later }), aCommittedEvent(1, { external: external(1) })], 0, 2);
            const listed = await storage.subscriptions.all();
            expect([before, [...listed].sort((a, b) => a.position - b.position)]).toEqual([[], [{ key: other, position: 2, lastReceived: Date.UTC(2026, 0, 1, 0, 0, 1) }, { key: subscription, position: 5, lastReceived: Date.UTC(2026, 0, 1) }]]);
        });
    });
});
