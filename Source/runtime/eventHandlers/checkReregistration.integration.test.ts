import { beforeEach, describe, expect, it } from 'vitest';
import { aFilterThatRan } from '../filters/given/aFilterThatRan.js';
import { emptyGuid, newGuid, type Guid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import { checkReregistration } from './checkReregistration.js';
import type { EventHandlerRegistration } from './EventHandlerRegistration.js';
import { eventHandlerStreams } from './eventHandlerStreams.js';
import { anEventHandlerThatRan } from './given/anEventHandlerThatRan.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const kitchen = newGuid();
const allowed = { store: expect.any(Function) };
const refusedFor = (text: string) => ({ refused: expect.stringContaining(text) });

// One tenant per backend: every test has its own handler id and event types, so the tests share the log but nothing in it.
describeForEachBackend(backends, 'when an event handler registers again on a tenant stored in $name', (backend) => {
    const given = TenantUnderTest.forSuite(backend);
    let handlerId: Guid;
    let dishPrepared: Guid;
    let dishServed: Guid;
    let chefHired: Guid;
    beforeEach(() => {
        [handlerId, dishPrepared, dishServed, chefHired] = [newGuid(), newGuid(), newGuid(), newGuid()];
    });
    const handler = (overrides: Partial<EventHandlerRegistration> = {}): EventHandlerRegistration => ({
        scope: emptyGuid,
        eventHandlerId: handlerId,
        types: [dishPrepared],
        partitioned: true,
        ...overrides,
    });
    const check = (registration: EventHandlerRegistration) => checkReregistration(registration, given().tenant);
    const definition = () => given().tenant.storage.streams.definition(eventHandlerStreams(handler()).stream);
    const handledBefore = async (registration: EventHandlerRegistration) => {
        await given().commit({ type: dishPrepared, eventSourceId: kitchen }, { type: chefHired, eventSourceId: kitchen });
        await anEventHandlerThatRan(given(), registration);
    };
    const storeIfAllowed = async (registration: EventHandlerRegistration) => {
        const result = await check(registration);
        if ('store' in result) {
            await result.store();
        }
    };

    describe('for the first time', () => {
        it('allows it and stores its definition', async () => {
            await storeIfAllowed(handler());
            expect(await definition()).toEqual({ ...eventHandlerStreams(handler()).stream, partitioned: true, filter: { kind: 'eventTypes', types: [dishPrepared] } });
        });
    });

    describe('with the same registration', () => {
        it('allows it', async () => {
            await handledBefore(handler());
            expect(await check(handler())).toEqual(allowed);
        });
    });

    describe('and its stream has events', () => {
        it('refuses to make a partitioned handler unpartitioned', async () => {
            await handledBefore(handler({ partitioned: true }));
            expect(await check(handler({ partitioned: false }))).toEqual(refusedFor('cannot become unpartitioned'));
        });

        it('refuses to make an unpartitioned handler partitioned', async () => {
            await handledBefore(handler({ partitioned: false }));
            expect(await check(handler({ partitioned: true }))).toEqual(refusedFor('cannot become partitioned'));
        });
    });

    describe('and its stream is still empty', () => {
        it('allows a partitioned handler to become unpartitioned', async () => {
            await given().commit({ type: chefHired, eventSourceId: kitchen });
            await anEventHandlerThatRan(given(), handler({ partitioned: true }));
            expect(await check(handler({ partitioned: false }))).toEqual(allowed);
        });

        it('stores the new partitioning when allowed', async () => {
            await given().commit({ type: chefHired, eventSourceId: kitchen });
            await anEventHandlerThatRan(given(), handler({ partitioned: false }));
            await storeIfAllowed(handler({ partitioned: true }));
            expect(await definition()).toMatchObject({ partitioned: true });
        });
    });

    describe('with changed event types', () => {
        it('refuses to add a type that occurred before its filter position', async () => {
            await handledBefore(handler());
            expect(await check(handler({ types: [dishPrepared, chefHired] }))).toEqual(refusedFor(chefHired));
        });

        it('refuses to remove a type that occurred before its filter position', async () => {
            await given().commit({ type: dishServed, eventSourceId: kitchen });
            await handledBefore(handler({ types: [dishPrepared, dishServed] }));
            expect(await check(handler({ types: [dishPrepared] }))).toEqual(refusedFor(dishServed));
        });

        it('allows adding a type that never occurred', async () => {
            await handledBefore(handler());
            expect(await check(handler({ types: [dishPrepared, dishServed] }))).toEqual(allowed);
        });

        it('allows adding a type that occurred only after its filter position', async () => {
            await handledBefore(handler());
            await given().commit({ type: dishServed, eventSourceId: kitchen });
            expect(await check(handler({ types: [dishPrepared, dishServed] }))).toEqual(allowed);
        });
    });

    describe('with the id of a filter', () => {
        it('refuses a stream written by a filter', async () => {
            await given().commit({ type: dishPrepared, eventSourceId: kitchen });
            await aFilterThatRan(given(), { kind: 'partitioned', scope: emptyGuid, filterId: handlerId }, [dishPrepared]);
            expect(await check(handler())).toEqual(refusedFor('written by a filter'));
        });

        it('refuses the id of a public filter', async () => {
            await aFilterThatRan(given(), { kind: 'public', scope: emptyGuid, filterId: handlerId }, [dishPrepared]);
            expect(await check(handler())).toEqual(refusedFor('public filter'));
        });
    });
});
