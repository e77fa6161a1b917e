import { beforeEach, describe, expect, it } from 'vitest';
import { anEventHandlerThatRan } from '../eventHandlers/given/anEventHandlerThatRan.js';
import { emptyGuid, newGuid, type Guid } from '../guids/index.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import { checkFilterReregistration } from './checkFilterReregistration.js';
import type { FilterKind, FilterRegistration } from './FilterRegistration.js';
import { filterStreams } from './filterStreams.js';
import { aFilterThatRan } from './given/aFilterThatRan.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const kitchen = newGuid();
const allowed = { store: expect.any(Function) };
const refusedFor = (text: string) => ({ refused: expect.stringContaining(text) });

// One tenant per backend: every test has its own filter id and event type, so the tests share the log but nothing in it.
describeForEachBackend(backends, 'when a filter registers again on a tenant stored in $name', (backend) => {
    const given = TenantUnderTest.forSuite(backend);
    let filterId: Guid;
    let dishPrepared: Guid;
    beforeEach(() => {
        [filterId, dishPrepared] = [newGuid(), newGuid()];
    });
    const filter = (kind: FilterKind): FilterRegistration => ({ kind, scope: emptyGuid, filterId });
    const check = (registration: FilterRegistration) => checkFilterReregistration(registration, given().tenant);
    const filteredBefore = async (registration: FilterRegistration) => {
        await given().commit({ type: dishPrepared, eventSourceId: kitchen });
        await aFilterThatRan(given(), registration, [dishPrepared]);
    };

    describe('for the first time', () => {
        it('allows it and stores its stream as written by a filter', async () => {
            const result = await check(filter('partitioned'));
            if ('store' in result) {
                await result.store();
            }
            expect(await given().tenant.storage.streams.definition(filterStreams(filter('partitioned')).stream)).toEqual({
                ...filterStreams(filter('partitioned')).stream,
                partitioned: true,
                filter: { kind: 'remote' },
            });
        });
    });

    describe.each(['unpartitioned', 'partitioned', 'public'] as const)('as the same %s filter', (kind) => {
        it('allows it', async () => {
            await filteredBefore(filter(kind));
            expect(await check(filter(kind))).toEqual(allowed);
        });
    });

    describe('and its stream has events', () => {
        it('refuses to make an unpartitioned filter partitioned', async () => {
            await filteredBefore(filter('unpartitioned'));
            expect(await check(filter('partitioned'))).toEqual(refusedFor('cannot become partitioned'));
        });

        it('refuses to make a partitioned filter unpartitioned', async () => {
            await filteredBefore(filter('partitioned'));
            expect(await check(filter('unpartitioned'))).toEqual(refusedFor('cannot become unpartitioned'));
        });
    });

    describe('and its stream is still empty', () => {
        it('allows an unpartitioned filter to become partitioned', async () => {
            await aFilterThatRan(given(), filter('unpartitioned'), [dishPrepared]);
            expect(await check(filter('partitioned'))).toEqual(allowed);
        });
    });

    describe('with the id of another kind of stream', () => {
        it('refuses a private filter the id of a public filter', async () => {
            await filteredBefore(filter('public'));
            expect(await check(filter('partitioned'))).toEqual(refusedFor('public filter'));
        });

        it('refuses a public filter the id of a private filter', async () => {
            await filteredBefore(filter('unpartitioned'));
            expect(await check(filter('public'))).toEqual(refusedFor('private filter or event handler'));
        });

        it('refuses the id of an event handler\'s stream', async () => {
            await given().commit({ type: dishPrepared, eventSourceId: kitchen });
            await anEventHandlerThatRan(given(), { scope: emptyGuid, eventHandlerId: filterId, types: [dishPrepared], partitioned: false });
            expect(await check(filter('unpartitioned'))).toEqual(refusedFor('written by an event handler'));
        });
    });
});
