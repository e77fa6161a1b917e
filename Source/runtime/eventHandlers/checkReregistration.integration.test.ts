import { describe, expect, it } from 'vitest';
import { aFilterThatRan } from '../filters/given/aFilterThatRan.js';
import { emptyGuid, newGuid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import { checkReregistration } from './checkReregistration.js';
import type { EventHandlerRegistration } from './EventHandlerRegistration.js';
import { eventHandlerStreams } from './eventHandlerStreams.js';
import { anEventHandlerThatRan } from './given/anEventHandlerThatRan.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const dishPrepared = newGuid();
const dishServed = newGuid();
const chefHired = newGuid();
const kitchen = newGuid();
const allowed = { store: expect.any(Function) };
const refusedFor = (text: string) => ({ refused: expect.stringContaining(text) });

describe.each(backends)('when an event handler registers again on a tenant stored in $name', (backend) => {
    const given = TenantUnderTest.forEachTest(backend);
    const handler = (overrides: Partial<EventHandlerRegistration> = {}): EventHandlerRegistration => ({
        scope: emptyGuid,
        eventHandlerId: handlerId,
        types: [dishPrepared],
        partitioned: true,
        ...overrides,
    });
    let handlerId = newGuid();
    const check = (registration: EventHandlerRegistration) => checkReregistration(registration, given().tenant);
    const handledBefore = async (registration: EventHandlerRegistration) => {
        await given().commit({ type: dishPrepared, eventSourceId: kitchen }, { type: chefHired, eventSourceId: kitchen });
        await anEventHandlerThatRan(given(), registration);
    };
    const newHandler = () => {
        handlerId = newGuid();
    };

    describe('for the first time', () => {
        it('allows it and stores its definition', async () => {
            newHandler();
            const result = await check(handler());
            await ('store' in result ? result.store() : Promise.resolve());
            expect(await given().tenant.storage.streams.definition(eventHandlerStreams(handler()).stream)).toEqual({
                ...eventHandlerStreams(handler()).stream,
                partitioned: true,
                filter: { kind: 'eventTypes', types: [dishPrepared] },
            });
        });
    });

    describe('with the same registration', () => {
        it('allows it', async () => {
            newHandler();
            await handledBefore(handler());
            expect(await check(handler())).toEqual(allowed);
        });
    });

    describe('and its stream has events', () => {
        it('refuses to make a partitioned handler unpartitioned', async () => {
            newHandler();
            await handledBefore(handler({ partitioned: true }));
            expect(await check(handler({ partitioned: false }))).toEqual(refusedFor('cannot become unpartitioned'));
        });

        it('refuses to make an unpartitioned handler partitioned', async () => {
            newHandler();
            await handledBefore(handler({ partitioned: false }));
            expect(await check(handler({ partitioned: true }))).toEqual(refusedFor('cannot become partitioned'));
        });
    });

    describe('and its stream is still empty', () => {
        it('allows a partitioned handler to become unpartitioned', async () => {
            newHandler();
            await given().commit({ type: chefHired, eventSourceId: kitchen });
            await anEventHandlerThatRan(given(), handler({ partitioned: true }));
            expect(await check(handler({ partitioned: false }))).toEqual(allowed);
        });

        it('stores the new partitioning when allowed', async () => {
            newHandler();
            await given().commit({ type: chefHired, eventSourceId: kitchen });
            await anEventHandlerThatRan(given(), handler({ partitioned: false }));
            const result = await check(handler({ partitioned: true }));
            await ('store' in result ? result.store() : Promise.resolve());
            expect(await given().tenant.storage.streams.definition(eventHandlerStreams(handler()).stream)).toMatchObject({ partitioned: true });
        });
    });

    describe('with changed event types', () => {
        it('refuses to add a type that occurred before its filter position', async () => {
            newHandler();
            await handledBefore(handler());
            expect(await check(handler({ types: [dishPrepared, chefHired] }))).toEqual(refusedFor(chefHired));
        });

        it('refuses to remove a type that occurred before its filter position', async () => {
            newHandler();
            await given().commit({ type: dishServed, eventSourceId: kitchen });
            await handledBefore(handler({ types: [dishPrepared, dishServed] }));
            expect(await check(handler({ types: [dishPrepared] }))).toEqual(refusedFor(dishServed));
        });

        it('allows adding a type that never occurred', async () => {
            newHandler();
            await handledBefore(handler());
            expect(await check(handler({ types: [dishPrepared, dishServed] }))).toEqual(allowed);
        });

        it('allows adding a type that occurred only after its filter position', async () => {
            newHandler();
            await handledBefore(handler());
            await given().commit({ type: dishServed, eventSourceId: kitchen });
            expect(await check(handler({ types: [dishPrepared, dishServed] }))).toEqual(allowed);
        });
    });

    describe('with the id of a filter', () => {
        it('refuses a stream written by a filter', async () => {
            newHandler();
            await given().commit({ type: dishPrepared, eventSourceId: kitchen });
            await aFilterThatRan(given(), { kind: 'partitioned', scope: emptyGuid, filterId: handlerId });
            expect(await check(handler())).toEqual(refusedFor('written by a filter'));
        });

        it('refuses the id of a public filter', async () => {
            newHandler();
            await aFilterThatRan(given(), { kind: 'public', scope: emptyGuid, filterId: handlerId });
            expect(await check(handler())).toEqual(refusedFor('public filter'));
        });
    });
});
