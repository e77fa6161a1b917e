import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backendsForTests } from '../../runtime/host/given/backendsForTests.js';
import { developmentTenant } from '../../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../runtime/host/given/startRuntime.js';
import { waitUntil } from '../../runtime/host/given/waitUntil.js';
import { describeForEachBackend } from '../../runtime/storage/postgres/given/describeForEachBackend.js';
import type { Client } from '../Client.js';
import { connectOurClient } from '../given/connectOurClient.js';
import { PartitionedFilterResult } from './PartitionedFilterResult.js';

const backends = await backendsForTests(import.meta.url);

describeForEachBackend(backends, 'when our SDK\'s filters run over the event log of a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let committer: Client;
    let filters: Client;
    const eventType = randomUUID();
    const seen = { private: [] as string[], partitioned: [] as string[], public: [] as string[] };
    printLogsOnFailure(() => runtime);

    const commit = (name: string, isPublic: boolean) => committer.eventStore.forTenant(developmentTenant).commit({ content: { name }, eventSourceId: randomUUID(), eventType, public: isPublic });
    const nameOf = (event: unknown) => (event as { name: string }).name;

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        committer = connectOurClient(runtime);
        await commit('private before', false);
        await commit('public before', true);
        filters = connectOurClient(runtime, (builder) => builder.withFilters((filtersBuilder) => {
            filtersBuilder.createPrivateFilter(randomUUID(), (filter) => filter.unpartitioned().handle((event) => {
                seen.private.push(nameOf(event));
                return true;
            }));
            filtersBuilder.createPrivateFilter(randomUUID(), (filter) => filter.partitioned().handle((event, context) => {
                seen.partitioned.push(nameOf(event));
                return new PartitionedFilterResult(true, context.eventSourceId);
            }));
            filtersBuilder.createPublicFilter(randomUUID(), (filter) => filter.handle((event, context) => {
                seen.public.push(nameOf(event));
                return new PartitionedFilterResult(true, context.eventSourceId);
            }));
        }));
        await filters.registered;
        await commit('private after', false);
        await commit('public after', true);
        await waitUntil(() => [seen.private, seen.partitioned, seen.public].every((names) => names.includes('public after')), 'every filter saw the last event', 30_000);
    });
    afterAll(async () => {
        await committer?.disconnect();
        await filters?.disconnect();
        await runtime?.dispose();
    });

    it('asks the private filter about every event of the log, once each, in order', () => expect(seen.private).toEqual(['private before', 'public before', 'private after', 'public after']));
    it('asks the partitioned filter about every event of the log, once each, in order', () => expect(seen.partitioned).toEqual(['private before', 'public before', 'private after', 'public after']));
    it('never asks the public filter about a private event', () => expect(seen.public).toEqual(['public before', 'public after']));
});
