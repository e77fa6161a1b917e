import { randomUUID } from 'node:crypto';
import { PartitionedFilterResult } from '@dolittle/sdk.events.filtering';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../host/given/backendsForTests.js';
import { commitEvents } from '../host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../host/given/connectClient.js';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { HandledEvents } from '../host/given/HandledEvents.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { startRuntime } from '../host/given/startRuntime.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = await backendsForTests(import.meta.url);
const failedToRegisterFilter = 'f0480899-8aed-4191-b339-5121f4d9f2e2';

describeForEachBackend(backends, 'when SDK filters run over the event log of a Runtime on the $kind store', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let committer: ConnectedClient;
    let filtersClient: ConnectedClient;
    const eventTypeId = randomUUID();
    const [privateFilterId, partitionedFilterId, publicFilterId] = [randomUUID(), randomUUID(), randomUUID()];
    const seenByPrivate = new HandledEvents();
    const seenByPartitioned = new HandledEvents();
    const seenByPublic = new HandledEvents();
    printLogsOnFailure(() => runtime);

    const commit = (name: string, isPublic: boolean) =>
        commitEvents(committer.client.eventStore.forTenant(developmentTenant), eventTypeId, [{ content: { name }, eventSourceId: randomUUID(), public: isPublic }]);
    const names = (seen: HandledEvents) => seen.succeeded.map((call) => call.content['name']);

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        committer = connectClient(runtime);
        await commit('private before', false);
        await commit('public before', true);
        filtersClient = connectClient(runtime, (builder) => builder.withFilters((filters) => {
            filters.createPrivateFilter(privateFilterId, (filter) => filter.unpartitioned().handle((event, context) => {
                seenByPrivate.record(event, context);
                return true;
            }));
            filters.createPrivateFilter(partitionedFilterId, (filter) => filter.partitioned().handle((event, context) => {
                seenByPartitioned.record(event, context);
                return new PartitionedFilterResult(true, context.eventSourceId.value);
            }));
            filters.createPublicFilter(publicFilterId, (filter) => filter.handle((event, context) => {
                seenByPublic.record(event, context);
                return new PartitionedFilterResult(true, context.eventSourceId.value);
            }));
        }));
        await commit('private after', false);
        await commit('public after', true);
        await Promise.all([seenByPrivate, seenByPartitioned, seenByPublic].map((seen) =>
            seen.waitFor((call) => call.content['name'] === 'public after', 'every filter saw the last event')));
    });
    afterAll(async () => {
        committer?.disconnect();
        filtersClient?.disconnect();
        await runtime?.dispose();
    });

    it('asks the private filter about every event of the log, once each, in order', () => {
        expect(names(seenByPrivate)).toEqual(['private before', 'public before', 'private after', 'public after']);
        expect(seenByPrivate.calls.map((call) => call.sequenceNumber)).toEqual([0, 1, 2, 3]);
    });
    it('asks the partitioned filter about every event of the log, once each, in order', () => {
        expect(names(seenByPartitioned)).toEqual(['private before', 'public before', 'private after', 'public after']);
    });
    it('never asks the public filter about a private event', () => {
        expect(names(seenByPublic)).toEqual(['public before', 'public after']);
    });
    it('asks the filters for the tenant the events were committed for', () => {
        expect(seenByPrivate.calls.every((call) => call.tenant === developmentTenant)).toBe(true);
    });

    describe('and the partitioned filter is registered again as an unpartitioned one', () => {
        // The refusal names the filter; the stream already has events, so it cannot change how it is partitioned.
        const failureLines = () => runtime!.logs().split('\n').filter((line) => line.includes(failedToRegisterFilter) && line.includes(partitionedFilterId));
        const seenByChanged = new HandledEvents();
        let changed: ConnectedClient;
        beforeAll(async () => {
            filtersClient.disconnect();
            changed = connectClient(runtime!, (builder) => builder.withFilters((filters) => {
                filters.createPrivateFilter(partitionedFilterId, (filter) => filter.unpartitioned().handle((event, context) => {
                    seenByChanged.record(event, context);
                    return true;
                }));
            }));
            await waitUntil(() => failureLines().length >= 2, 'the Runtime refused the changed filter twice', 30_000);
        }, 40_000);
        afterAll(() => changed?.disconnect());

        it('refuses it with the documented failure', () => expect(failureLines().length).toBeGreaterThanOrEqual(2));
        it('never asks the changed filter about an event', () => expect(seenByChanged.calls).toEqual([]));
    });
});
