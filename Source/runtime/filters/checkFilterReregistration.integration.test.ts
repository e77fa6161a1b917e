import { describe, expect, it } from 'vitest';
import { anEventHandlerThatRan } from '../eventHandlers/given/anEventHandlerThatRan.js';
import { emptyGuid, newGuid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import { checkFilterReregistration } from './checkFilterReregistration.js';
import type { FilterKind, FilterRegistration } from './FilterRegistration.js';
import { filterStreams } from './filterStreams.js';
import { aFilterThatRan } from './given/aFilterThatRan.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const dishPrepared = newGuid();
const kitchen = newGuid();
const allowed = { store: expect.any(Function) };
const refusedFor = (text: string) => ({ refused: expect.stringContaining(text) });

describe.each(backends)('when a filter registers again on a tenant stored in $name', (backend) => {
    const given = TenantUnderTest.forEachTest(backend);
    let filterId = newGuid();
    const filter = (kind: FilterKind): FilterRegistration => ({ kind, scope: emptyGuid, filterId });
    const check = (registration: FilterRegistration) => checkFilterReregistration(registration, given().tenant);
    const filteredBefore = async (registration: FilterRegistration) => {
        filterId = registration.filterId;
        await given().commit({ type: dishPrepared, eventSourceId: kitchen });
        await aFilterThatRan(given(), registration);
    };
    const newFilter = () => {
        filterId = newGuid();
    };

    describe('for the first time', () => {
        it('allows it and stores its stream as written by a filter', async () => {
            newFilter();
            const result = await check(filter('partitioned'));
            await ('store' in result ? result.store() : Promise.resolve());
            expect(await given().tenant.storage.streams.definition(filterStreams(filter('partitioned')).stream)).toEqual({
                ...filterStreams(filter('partitioned')).stream,
                partitioned: true,
                filter: { kind: 'remote' },
            });
        });
    });

    describe.each(['unpartitioned', 'partitioned', 'public'] as const)('as the same %s filter', (kind) => {
        it('allows it', async () => {
            newFilter();
            await filteredBefore(filter(kind));
            expect(await check(filter(kind))).toEqual(allowed);
        });
    });

    describe('and its stream has events', () => {
        it('refuses to make an unpartitioned filter partitioned', async () => {
            newFilter();
            await filteredBefore(filter('unpartitioned'));
            expect(await check(filter('partitioned'))).toEqual(refusedFor('cannot become partitioned'));
        });

        it('refuses to make a partitioned filter unpartitioned', async () => {
            newFilter();
            await filteredBefore(filter('partitioned'));
            expect(await check(filter('unpartitioned'))).toEqual(refusedFor('cannot become unpartitioned'));
        });
    });

    describe('and its stream is still empty', () => {
        it('allows an unpartitioned filter to become partitioned', async () => {
            newFilter();
            await aFilterThatRan(given(), filter('unpartitioned'));
            expect(await check(filter('partitioned'))).toEqual(allowed);
        });
    });

    describe('with the id of another kind of stream', () => {
        it('refuses a private filter the id of a public filter', async () => {
            newFilter();
            await filteredBefore(filter('public'));
            expect(await check(filter('partitioned'))).toEqual(refusedFor('public filter'));
        });

        it('refuses a public filter the id of a private filter', async () => {
            newFilter();
            await filteredBefore(filter('unpartitioned'));
            expect(await check(filter('public'))).toEqual(refusedFor('private filter or event handler'));
        });

        it('refuses the id of an event handler\'s stream', async () => {
            newFilter();
            await given().commit({ type: dishPrepared, eventSourceId: kitchen });
            await anEventHandlerThatRan(given(), { scope: emptyGuid, eventHandlerId: filterId, types: [dishPrepared], partitioned: false });
            expect(await check(filter('unpartitioned'))).toEqual(refusedFor('written by an event handler'));
        });
    });
});
