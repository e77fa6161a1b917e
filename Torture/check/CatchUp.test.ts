import { describe, expect, it } from 'vitest';
import { tortureIdentifiers } from '../identifiers.js';
import { CatchUp } from './CatchUp.js';
import type { Delivery } from './Delivery.js';
import type { StoredEvent } from './StoredEvents.js';

const [source1, source2] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
const ordered = (sequenceNumber: number, id: string, eventSource = source1, isPublic = false): StoredEvent => ({ sequenceNumber, typeId: tortureIdentifiers.ordered, eventSource, id, aggregateVersion: undefined, public: isPublic });
const delivered = (processor: Delivery['processor'], sequenceNumber: number, partition = source1): Delivery => ({ processor, connection: '1.1', tenant: 0, sequenceNumber, partition });
const bothHandlers = (sequenceNumber: number, partition = source1) => [delivered('unpartitioned', sequenceNumber, partition), delivered('partitioned', sequenceNumber, partition)];
const nothing = { events: [], received: [] };

describe('when a run catches up', () => {
    const events = [ordered(0, 'a'), ordered(1, 'b', source2, true)];
    const readModels = [new Map([[source1, 1], [source2, 1]]), new Map<string, number>()];

    it('has caught up once every handled event is delivered, every public event received and every read model exact', () => {
        const catchUp = new CatchUp(2);
        catchUp.add([{ events, received: [ordered(0, 'b', source2, true)] }, nothing], [...bothHandlers(0), ...bothHandlers(1, source2)]);
        expect(catchUp.caughtUp(readModels)).toBe(true);
    });

    it('has not caught up while one handler lacks an event, and has once it comes in a later read', () => {
        const catchUp = new CatchUp(2);
        catchUp.add([{ events, received: [ordered(0, 'b', source2, true)] }, nothing], [...bothHandlers(0), delivered('unpartitioned', 1, source2)]);
        const before = catchUp.caughtUp(readModels);
        catchUp.add([nothing, nothing], [delivered('partitioned', 1, source2)]);
        expect([before, catchUp.caughtUp(readModels)]).toEqual([false, true]);
    });

    it('has not caught up while a public event is not received, nor while a read model is behind', () => {
        const withoutReceived = new CatchUp(2);
        withoutReceived.add([{ events, received: [] }, nothing], [...bothHandlers(0), ...bothHandlers(1, source2)]);
        const behind = new CatchUp(2);
        behind.add([{ events, received: [ordered(0, 'b', source2, true)] }, nothing], [...bothHandlers(0), ...bothHandlers(1, source2)]);
        expect([withoutReceived.caughtUp(readModels), behind.caughtUp([new Map([[source1, 1]]), new Map()])]).toEqual([false, false]);
    });

    it('asks only for the events past those it has seen, and takes an event read twice in once', () => {
        const catchUp = new CatchUp(2);
        catchUp.add([{ events: [ordered(0, 'a')], received: [] }, nothing], []);
        const seen = catchUp.seen;
        catchUp.add([{ events, received: [] }, nothing], [...bothHandlers(0)]);
        catchUp.add([nothing, nothing], [...bothHandlers(1, source2)]);
        // 'a' is read twice; the public 'b' is not received, so only the handlers can have caught up.
        expect([seen.events, catchUp.seen.events, catchUp.progress()]).toEqual([
            [1, 0],
            [2, 0],
            'tenant 0: unpartitioned 0/2, partitioned 0/2, public 0/1; tenant 1: unpartitioned 0/0, partitioned 0/0, public 0/0',
        ]);
        expect(catchUp.caughtUp(readModels)).toBe(false);
        expect(catchUp.progress()).toBe('tenant 0: unpartitioned 2/2, partitioned 2/2, public 0/1; tenant 1: unpartitioned 0/0, partitioned 0/0, public 0/0');
    });

    it('counts what reached the consumers, so that a run can tell moving from stalled', () => {
        const catchUp = new CatchUp(2);
        catchUp.add([{ events, received: [] }, nothing], [delivered('partitioned', 1, source2)]);
        const first = catchUp.reached;
        catchUp.add([nothing, nothing], [delivered('partitioned', 1, source2)]);
        const again = catchUp.reached;
        catchUp.add([{ events: [], received: [ordered(0, 'b', source2, true)] }, nothing], [delivered('unpartitioned', 0)]);
        expect([first, again, catchUp.reached]).toEqual([1, 1, 3]);
    });

    it('tells the progress of every tenant and handler, also past one that is behind', () => {
        const catchUp = new CatchUp(2);
        catchUp.add([{ events, received: [ordered(0, 'b', source2, true)] }, { events: [ordered(0, 'c')], received: [] }], [...bothHandlers(0), { ...delivered('partitioned', 0), tenant: 1 }]);
        expect([catchUp.caughtUp(readModels), catchUp.progress()]).toEqual([
            false,
            'tenant 0: unpartitioned 1/2, partitioned 1/2, public 1/1; tenant 1: unpartitioned 0/1, partitioned 1/1, public 0/0',
        ]);
    });
});
