import { guidToUuid, uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import type * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherFailureId } from '../failures/Failure.js';
import type { Guid } from '../guids/index.js';
import { callUnary, startInProcessHost, type InProcessHost } from '../host/given/inProcessHost.js';
import { maximumEventsInOneCommit } from './EventStore.js';
import { eventStoreFailureIds } from './failures.js';

type CommitResponse = dolittle.runtime.events.CommitEventsResponse;
type AggregateResponse = dolittle.runtime.events.CommitAggregateEventsResponse;
type FetchResponse = dolittle.runtime.events.FetchForAggregateResponse;

const tenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as Guid;
const otherTenant = '2a3b4c5d-0000-4000-8000-00000000000a' as Guid;
const unknownTenant = '762a4bd5-2ee8-4d33-af06-95806fb73f4e' as Guid;
const eventType = '9f2a1c3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const eventSource = 'bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9';
const aggregateRoot = '8c1a7e0e-1d2b-4c3d-9e4f-5a6b7c8d9e0f';

function callContext(tenantId: string) {
    return {
        executionContext: {
            microserviceId: guidToUuid('f39b1f61-d360-4675-b859-53c05c87c0e6'),
            tenantId: guidToUuid(tenantId),
            version: { major: 1, minor: 2, patch: 3, build: 4, preReleaseString: 'beta' },
            correlationId: guidToUuid('00000000-0000-4000-8000-000000000001'),
            claims: [{ key: 'role', value: 'chef', valueType: 'string' }],
            environment: 'Development',
        },
    };
}

function event(content: string, overrides: Record<string, unknown> = {}) {
    return { artifact: { id: guidToUuid(eventType), generation: 1 }, eventSourceId: guidToUuid(eventSource), public: false, content, ...overrides };
}

describe('the event store service', () => {
    let host: InProcessHost;
    const commit = (request: unknown) => callUnary<CommitResponse>(host.eventStore, 'commit', request);
    const commitForAggregate = (request: unknown) => callUnary<AggregateResponse>(host.eventStore, 'commitForAggregate', request);
    const fetchForAggregate = (tenantId: string) =>
        callUnary<FetchResponse>(host.eventStore, 'fetchForAggregate', {
            callContext: callContext(tenantId),
            aggregate: { eventSourceId: guidToUuid(eventSource), aggregateRootId: guidToUuid(aggregateRoot) },
        });
    const logLength = async () => host.tenants.get(tenant)!.storage.eventLog.nextSequenceNumber('00000000-0000-0000-0000-000000000000' as Guid);

    beforeAll(async () => {
        host = await startInProcessHost([tenant, otherTenant]);
        await commit({ callContext: callContext(tenant), events: [event('{"first":true}')] });
    });
    afterAll(async () => {
        await host.dispose();
    });

    describe('when committing events', () => {
        it('returns them with consecutive sequence numbers, the original content and the context as sent', async () => {
            const response = await commit({ callContext: callContext(tenant), events: [event('{ "Dish" : "Taco",  "n": 1.0 }'), event('{"b":2}')] });
            expect(response.failure).toBeFalsy();
            expect(response.events.map((committed) => committed.eventLogSequenceNumber)).toEqual([1, 2]);
            expect(response.events[0]?.content).toBe('{ "Dish" : "Taco",  "n": 1.0 }');
            expect(response.events[0]?.executionContext?.claims?.[0]?.value).toBe('chef');
            expect(response.events[0]?.executionContext?.version?.preReleaseString).toBe('beta');
            expect(uuidToGuid(response.events[0]?.eventSourceId)).toBe(eventSource);
        });
    });

    // Over 64 KB, a commit is decoded and answered a few hundred kilobytes at a time, between other work.
    describe('when committing a large commit (300 events of 1 KB)', () => {
        const largeContents = Array.from({ length: 300 }, (_, number) => `{"number":${number},"text":"${'é'.repeat(500)}"}`);

        it('returns every event in order, with consecutive sequence numbers and its content', async () => {
            const before = await logLength();
            const response = await commit({ callContext: callContext(tenant), events: largeContents.map((content) => event(content)) });
            expect(response.failure).toBeFalsy();
            expect(response.events.map((committed) => committed.content)).toEqual(largeContents);
            expect(response.events.map((committed) => Number(committed.eventLogSequenceNumber))).toEqual(largeContents.map((_, number) => before + number));
            expect(uuidToGuid(response.events[299]?.eventSourceId)).toBe(eventSource);
        });

        it('fails for one event whose content is not a JSON object, naming it, and stores nothing', async () => {
            const before = await logLength();
            const contents = largeContents.map((content, number) => (number === 250 ? 'not JSON' : content));
            const response = await commit({ callContext: callContext(tenant), events: contents.map((content) => event(content)) });
            expect(response.failure?.reason).toContain('event 250 ');
            expect(await logLength()).toBe(before);
        });

        it('returns every event of an aggregate in order, with its version', async () => {
            const largeAggregate = '5d1e2f30-4a5b-4c6d-8e7f-901a2b3c4d5e';
            const response = await commitForAggregate({
                callContext: callContext(tenant),
                events: { aggregateRootId: guidToUuid(largeAggregate), eventSourceId: guidToUuid(eventSource), expectedAggregateRootVersion: 0, events: largeContents.map((content) => event(content)) },
            });
            expect(response.failure).toBeFalsy();
            expect(Number(response.events?.aggregateRootVersion)).toBe(299);
            expect(uuidToGuid(response.events?.aggregateRootId)).toBe(largeAggregate);
            expect(response.events?.events?.map((committed) => committed.content)).toEqual(largeContents);
        });
    });

    describe('when committing for an aggregate', () => {
        it('numbers versions from 0 and answers the version of the last event', async () => {
            const response = await commitForAggregate({
                callContext: callContext(tenant),
                events: { aggregateRootId: guidToUuid(aggregateRoot), eventSourceId: guidToUuid(eventSource), expectedAggregateRootVersion: 0, events: [event('{"a":1}'), event('{"a":2}')] },
            });
            expect(response.failure).toBeFalsy();
            expect(Number(response.events?.aggregateRootVersion)).toBe(1);
        });

        it('fails with a concurrency conflict when the expected version is behind', async () => {
            const response = await commitForAggregate({
                callContext: callContext(tenant),
                events: { aggregateRootId: guidToUuid(aggregateRoot), eventSourceId: guidToUuid(eventSource), expectedAggregateRootVersion: 0, events: [event('{"a":3}')] },
            });
            expect(uuidToGuid(response.failure?.id)).toBe(eventStoreFailureIds.aggregateRootConcurrencyConflict);
        });

        it('fetches the aggregate with the version of its last event', async () => {
            const response = await fetchForAggregate(tenant);
            expect(response.failure).toBeFalsy();
            expect(Number(response.events?.aggregateRootVersion)).toBe(1);
            expect(response.events?.events?.map((committed) => committed.content)).toEqual(['{"a":1}', '{"a":2}']);
        });

        it('returns nothing of it for another tenant', async () => {
            const response = await fetchForAggregate(otherTenant);
            expect(response.events?.events ?? []).toHaveLength(0);
            expect(Number(response.events?.aggregateRootVersion ?? 0)).toBe(0);
        });
    });

    describe('when a request is bad', () => {
        const expectRejectedWithoutChange = async (request: unknown, expectedId: string, reasonPart: RegExp) => {
            const before = await logLength();
            const response = await commit(request);
            expect(uuidToGuid(response.failure?.id)).toBe(expectedId);
            expect(response.failure?.reason).toMatch(reasonPart);
            expect(await logLength()).toBe(before);
        };

        it('fails for a tenant that is not configured, naming it, and stores nothing', async () => {
            await expectRejectedWithoutChange({ callContext: callContext(unknownTenant), events: [event('{}')] }, otherFailureId, /762a4bd5-2ee8-4d33-af06-95806fb73f4e/);
        });

        it('fails for content that is not a JSON object, and stores nothing', async () => {
            await expectRejectedWithoutChange({ callContext: callContext(tenant), events: [event('{"ok":1}'), event('[1,2]')] }, otherFailureId, /not a JSON object/);
        });

        it('fails for a missing execution context, and stores nothing', async () => {
            await expectRejectedWithoutChange({ callContext: {}, events: [event('{}')] }, otherFailureId, /executionContext/);
        });

        it('fails for malformed GUID bytes, naming the field, and stores nothing', async () => {
            await expectRejectedWithoutChange({ callContext: callContext(tenant), events: [event('{}', { eventSourceId: { value: Buffer.from([1, 2, 3]) } })] }, otherFailureId, /events\[0\]\.eventSourceId/);
        });

        it('fails with no events to commit for an empty commit', async () => {
            await expectRejectedWithoutChange({ callContext: callContext(tenant), events: [] }, eventStoreFailureIds.noEventsToCommit, /no events/);
        });

        it('refuses an oversized request with a resource-exhausted status, and stores nothing', async () => {
            const before = await logLength();
            const huge = `{"text":"${'x'.repeat(5 * 1024 * 1024)}"}`;
            const error = (await commit({ callContext: callContext(tenant), events: [event(huge)] }).catch((failure: unknown) => failure)) as grpc.ServiceError;
            expect(error.code).toBe(8);
            expect(await logLength()).toBe(before);
        });

        it('fails a commit of 130,000 events (3.4 MB) as too large, naming the limit and the count, and stores nothing', async () => {
            const tiny = { artifact: { id: guidToUuid(eventType) }, content: '{}' };
            await expectRejectedWithoutChange(
                { callContext: callContext(tenant), events: Array.from({ length: 130_000 }, () => tiny) },
                eventStoreFailureIds.commitIsTooLarge,
                new RegExp(`130000 events.*${maximumEventsInOneCommit} events`),
            );
        });

        it('fails a commit for an aggregate of 130,000 events with too many events in the commit, and stores nothing', async () => {
            const before = await logLength();
            const tiny = { artifact: { id: guidToUuid(eventType) }, content: '{}' };
            const response = await commitForAggregate({
                callContext: callContext(tenant),
                events: { aggregateRootId: guidToUuid(aggregateRoot), eventSourceId: guidToUuid(eventSource), expectedAggregateRootVersion: 2, events: Array.from({ length: 130_000 }, () => tiny) },
            });
            expect([uuidToGuid(response.failure?.id), response.failure?.reason]).toEqual([eventStoreFailureIds.commitIsTooLarge, expect.stringContaining('130000 events')]);
            expect(await logLength()).toBe(before);
        });

        it('fails a commit whose answer would be larger than a client receives, naming both sizes, and stores nothing', async () => {
            const events = Array.from({ length: maximumEventsInOneCommit }, (_, number) => event(`{"number":${number},"text":"${'x'.repeat(1_950)}"}`));
            await expectRejectedWithoutChange({ callContext: callContext(tenant), events }, eventStoreFailureIds.commitIsTooLarge, /about \d+ bytes .* more than the 4194304 bytes/);
        });

        it('fails a commit for an aggregate whose aggregate root id is the empty GUID, naming the field, and stores nothing', async () => {
            const before = await logLength();
            const response = await commitForAggregate({
                callContext: callContext(tenant),
                events: { aggregateRootId: guidToUuid('00000000-0000-0000-0000-000000000000'), eventSourceId: guidToUuid(eventSource), expectedAggregateRootVersion: 0, events: [event('{}')] },
            });
            expect([uuidToGuid(response.failure?.id), response.failure?.reason]).toEqual([otherFailureId, expect.stringContaining('aggregateRootId')]);
            expect(await logLength()).toBe(before);
        });

        it('stays up and serves the next request', async () => {
            const response = await commit({ callContext: callContext(tenant), events: [event('{"after":"bad input"}')] });
            expect(response.failure).toBeFalsy();
        });
    });

    describe('when forty heads each commit about 3 MB at once', () => {
        const heads = 40;
        const eventsPerCommit = 1_000;
        let answers: ReadonlyArray<CommitResponse>;
        let healthAnswers: ReadonlyArray<number>;
        let lengthBefore: number;
        let lengthAfter: number;
        beforeAll(async () => {
            lengthBefore = await logLength();
            const content = (head: number, number: number) => `{"head":${head},"number":${number},"text":"${'x'.repeat(3_000)}"}`;
            let answered = 0;
            // The heads share this process with the Runtime: each builds and encodes its commit in a turn of the event
            // loop of its own, so that the test's client does not block the loop for seconds (which /healthz reports).
            const started: Array<Promise<CommitResponse>> = [];
            for (let head = 0; head < heads; head++) {
                const events = Array.from({ length: eventsPerCommit }, (_, number) => event(content(head, number)));
                started.push(commit({ callContext: callContext(tenant), events }).then((response) => {
                    answered++;
                    return response;
                }));
                await new Promise((resolve) => setTimeout(resolve, 0));
            }
            const committing = Promise.all(started);
            // Whether it answers, not how fast: the time it takes is measured by the big-commits benchmark.
            const healthStatus = async () => {
                const response = await fetch(`http://127.0.0.1:${host.ports.httpPort}/healthz`);
                await response.body?.cancel();
                return response.status;
            };
            const statuses: number[] = [];
            do {
                statuses.push(await healthStatus());
            } while (answered < heads);
            answers = await committing;
            healthAnswers = statuses;
            lengthAfter = await logLength();
        }, 120_000);
        it('answers every commit with its events', () => {
            expect(answers.map((answer) => [answer.failure ?? null, answer.events.length])).toEqual(Array.from({ length: heads }, () => [null, eventsPerCommit]));
        });
        it('stores every event once', () => {
            expect(lengthAfter - lengthBefore).toBe(heads * eventsPerCommit);
        });
        it('answers /healthz meanwhile', () => {
            expect([healthAnswers.length > 0, healthAnswers.filter((status) => status !== 200)]).toEqual([true, []]);
        });
    });
});
