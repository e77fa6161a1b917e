import { randomUUID } from 'node:crypto';
import { AggregateRootId, AggregateRootVersion } from '@dolittle/sdk.events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendsForTests } from '../runtime/host/given/backendsForTests.js';
import { commitEvents } from '../runtime/host/given/commitEvents.js';
import { connectClient, type ConnectedClient } from '../runtime/host/given/connectClient.js';
import { developmentTenant } from '../runtime/host/given/developmentTenant.js';
import { HandledEvents } from '../runtime/host/given/HandledEvents.js';
import { printLogsOnFailure } from '../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../runtime/host/given/startRuntime.js';
import { waitUntil } from '../runtime/host/given/waitUntil.js';
import { describeForEachBackend } from '../runtime/storage/postgres/given/describeForEachBackend.js';
import { exitCodes } from './exitCodes.js';
import { runCli, startCli } from './given/runCli.js';

const backends = await backendsForTests(import.meta.url);

type TenantJson = {
    tenantId: string;
    position: number;
    streamHead: number;
    lagEvents: number;
    failing: boolean;
    failingPartitions: { partition: string; position: number; reason: string; attempts: number; nextRetry: number }[];
    skippedEvents: { partition: string; position: number; reason: string; skippedBy: string; eventLogSequenceNumber: number }[];
};
type ProcessorJson = { processorId: string; connected: boolean; partitioned: boolean; tenants: TenantJson[] };

describeForEachBackend(backends, 'when operating a Runtime on the $kind store with the dolittle CLI', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    let connected: ConnectedClient;
    const handled = new HandledEvents();
    const attemptTimes: { n: unknown; at: number; failed: boolean }[] = [];
    const eventHandlerId = randomUUID();
    const projectionId = randomUUID();
    const filterId = randomUUID();
    let projected = 0;
    const eventTypeId = randomUUID();
    const [first, retried, skippedSource] = [randomUUID(), randomUUID(), randomUUID()];
    let failRetriedEvent = true;
    printLogsOnFailure(() => runtime);

    const dolittle = (...argumentList: string[]) => runCli(['--runtime', `127.0.0.1:${runtime?.managementPort}`, ...argumentList]);
    const json = async <T>(...argumentList: string[]): Promise<T> => {
        const run = await dolittle('--output', 'json', ...argumentList);
        expect(run.stderr, `dolittle ${argumentList.join(' ')}`).toBe('');
        return JSON.parse(run.stdout) as T;
    };
    const handlerOf = (processors: ProcessorJson[]) => processors.find((processor) => processor.processorId === eventHandlerId);
    const commit = (eventSourceId: string, ...contents: Record<string, unknown>[]) =>
        commitEvents(connected.client.eventStore.forTenant(developmentTenant), eventTypeId, contents.map((content) => ({ content, eventSourceId })));

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        connected = connectClient(runtime, (builder) =>
            builder.withEventHandlers((eventHandlers) => {
                eventHandlers.createEventHandler(eventHandlerId, (eventHandler) =>
                    eventHandler.partitioned().handle(
                        eventTypeId,
                        handled.handler((call) => {
                            const failed = call.content['fail'] === 'always' || (call.content['fail'] === 'until retried' && failRetriedEvent);
                            attemptTimes.push({ n: call.content['n'], at: Date.now(), failed });
                            return failed;
                        }),
                    ),
                );
            }).withFilters((filters) => {
                filters.createPrivateFilter(filterId, (filter) => filter.unpartitioned().handle(() => false));
            }).withProjections((projections) => {
                projections.createProjection(projectionId).forReadModel(class { seen = 0; }).on(eventTypeId, (key) => key.keyFromEventSource(), (state: { seen: number }) => {
                    projected += 1;
                    return { seen: state.seen + 1 };
                });
            }),
        );
        await commit(first, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 });
        await handled.waitFor((call) => call.content['n'] === 5, 'the handler handled the first events');
    }, 60_000);
    afterAll(async () => {
        connected?.disconnect();
        await runtime?.dispose();
    });

    describe('and listing the event handlers', () => {
        it('shows the handler with its position per tenant in a table', async () => {
            await waitUntil(async () => handlerOf(await json<ProcessorJson[]>('runtime', 'eventhandlers', 'list'))?.tenants[0]?.position === 5, 'the handler is at position 5');
            const run = await dolittle('runtime', 'eventhandlers', 'list');
            expect([run.code, run.stdout.includes(eventHandlerId), run.stdout.includes('5/5')]).toEqual([exitCodes.succeeded, true, true]);
        });

        it('answers JSON that parses, with the tenant, position, stream head and lag', async () => {
            const handler = handlerOf(await json<ProcessorJson[]>('runtime', 'eventhandlers', 'list'));
            expect(handler?.tenants.map(({ tenantId, position, streamHead, lagEvents }) => ({ tenantId, position, streamHead, lagEvents }))).toEqual([
                { tenantId: developmentTenant, position: 5, streamHead: 5, lagEvents: 0 },
            ]);
        });
    });

    describe('and replaying every event', () => {
        let replay: Awaited<ReturnType<typeof runCli>>;
        beforeAll(async () => {
            replay = await dolittle('runtime', 'eventhandlers', 'replay', 'all', eventHandlerId);
        }, 60_000);

        it('succeeds once the handler caught up', () => expect([replay.code, replay.stdout.trim()]).toEqual([exitCodes.succeeded, 'Replayed: position 5 of 5.']));
        it('shows a progress bar that reaches the stream head', () => expect(replay.stderr).toMatch(/\|\s*5\/5 events/));
        it('makes the head receive every event again', async () => {
            await handled.waitFor(() => handled.succeeded.filter((call) => call.eventSourceId === first).length === 10, 'the head received the five events twice');
            expect(handled.succeeded.filter((call) => call.eventSourceId === first).map((call) => call.content['n'])).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
        });
    });

    describe('and replaying a projection', () => {
        let replay: Awaited<ReturnType<typeof runCli>>;
        let before = 0;
        beforeAll(async () => {
            await waitUntil(async () => (await json<ProcessorJson[]>('runtime', 'projections', 'list')).find((projection) => projection.processorId === projectionId)?.tenants[0]?.position === 5, 'the projection is at position 5');
            before = projected;
            replay = await dolittle('runtime', 'projections', 'replay', projectionId);
        }, 60_000);

        it('succeeds', () => expect([replay.code, replay.stdout.includes(projectionId)]).toEqual([exitCodes.succeeded, true]));
        it('makes the head project every event again', async () => {
            await waitUntil(() => projected >= before + 5, 'the head projected the five events again');
            expect(projected - before).toBeGreaterThanOrEqual(5);
        });
    });

    describe('and listing the filters', () => {
        it('shows the filter with its position in the event log', async () => {
            await waitUntil(async () => (await json<ProcessorJson[]>('runtime', 'filters', 'list')).find((filter) => filter.processorId === filterId)?.tenants[0]?.position === 5, 'the filter is at position 5');
            const filter = (await json<ProcessorJson[]>('runtime', 'filters', 'list')).find((candidate) => candidate.processorId === filterId);
            expect([filter?.connected, filter?.tenants[0]?.streamHead]).toEqual([true, 5]);
        });
    });

    describe('and listing the event types', () => {
        it('counts the events of the type', async () => {
            const types = await json<Array<{ eventTypeId: string; events: number }>>('runtime', 'eventtypes', 'list');
            expect(types.find((type) => type.eventTypeId === eventTypeId)?.events).toBe(5);
        });
    });

    describe('and a partition fails', () => {
        let failing: TenantJson['failingPartitions'][number] | undefined;
        beforeAll(async () => {
            await commit(retried, { n: 6, fail: 'until retried' });
            // After the second failure the SDK asks for the next attempt 10 s later, well after the retry below.
            await waitUntil(async () => {
                const handler = handlerOf(await json<ProcessorJson[]>('runtime', 'failures', 'list'));
                failing = handler?.tenants[0]?.failingPartitions.find((partition) => partition.partition === retried);
                return (failing?.attempts ?? 0) >= 2;
            }, 'the partition failed twice', 30_000);
        }, 60_000);

        it('lists the failing partition with its reason', async () => {
            const run = await dolittle('runtime', 'failures', 'list');
            expect([failing?.reason.includes('Error'), run.stdout.includes(retried), run.stdout.includes(String(failing?.position))]).toEqual([true, true, true]);
        });

        it('retries the partition at once when told to', async () => {
            failRetriedEvent = false;
            const run = await dolittle('runtime', 'failures', 'retry', eventHandlerId, '--partition', retried);
            expect(run.code).toBe(exitCodes.succeeded);
            await handled.waitFor((call) => call.content['n'] === 6 && !call.failed, 'the head handled the retried event');
            const retry = attemptTimes.find((attempt) => attempt.n === 6 && !attempt.failed);
            expect((retry?.at ?? Number.MAX_SAFE_INTEGER) < (failing?.nextRetry ?? 0)).toBe(true);
        });
    });

    describe('and a partition fails on an event that never succeeds', () => {
        let failures: ProcessorJson | undefined;
        beforeAll(async () => {
            await commit(skippedSource, { n: 7, fail: 'always' }, { n: 8 });
            await waitUntil(() => handled.calls.some((call) => call.content['n'] === 7 && call.failed), 'the event failed');
            await waitUntil(async () => handlerOf(await json<ProcessorJson[]>('runtime', 'failures', 'list'))?.tenants[0]?.failingPartitions.some((partition) => partition.partition === skippedSource) === true, 'the partition is listed as failing');
            const run = await dolittle('runtime', 'failures', 'skip', eventHandlerId, '--partition', skippedSource);
            expect(run.code, run.stderr).toBe(exitCodes.succeeded);
            await handled.waitFor((call) => call.content['n'] === 8, 'the event after the skipped one was handled');
            failures = handlerOf(await json<ProcessorJson[]>('runtime', 'failures', 'list'));
        }, 60_000);

        it('goes on past the skipped event', () => expect(handled.succeeded.filter((call) => call.eventSourceId === skippedSource).map((call) => call.content['n'])).toEqual([8]));
        it('no longer lists the partition as failing', () => expect(failures?.tenants[0]?.failingPartitions.filter((partition) => partition.partition === skippedSource)).toEqual([]));
        it('records the skip with the reason and who asked', () => {
            const skip = failures?.tenants[0]?.skippedEvents.find((event) => event.partition === skippedSource);
            expect([skip?.position, skip?.reason.includes('Error'), (skip?.skippedBy ?? '').length > 0, skip?.eventLogSequenceNumber]).toEqual([6, true, true, 6]);
        });
    });

    describe('and following the event log', () => {
        it('prints a newly committed event', async () => {
            const tail = startCli(['--runtime', `127.0.0.1:${runtime?.managementPort}`, '--output', 'json', 'runtime', 'events', 'tail', '--last', '1']);
            await waitUntil(() => tail.stdout().includes('"sequenceNumber"'), 'the tail printed the last event');
            await commit(first, { n: 9, tailed: true });
            await waitUntil(() => tail.stdout().includes('"tailed": true') || tail.stdout().includes('"tailed":true'), 'the tail printed the new event');
            const ended = await tail.stop('SIGINT');
            const lines = ended.stdout.trim().split('\n').map((line) => JSON.parse(line) as { content: Record<string, unknown> });
            expect([ended.code, lines.at(-1)?.content]).toEqual([exitCodes.succeeded, { n: 9, tailed: true }]);
        });
    });

    describe('and looking at aggregates', () => {
        const [aggregateRoot, aggregateType, instance] = [randomUUID(), randomUUID(), randomUUID()];
        beforeAll(async () => {
            const eventStore = connected.client.eventStore.forTenant(developmentTenant);
            for (const version of [0, 1]) {
                const result = await eventStore.commitForAggregate({ dish: version }, instance, AggregateRootId.from(aggregateRoot), AggregateRootVersion.from(version), aggregateType);
                expect(result.failed).toBe(false);
            }
        });

        it('lists the aggregate root with its instance', async () => {
            const roots = await json<Array<{ aggregateRootId: string; instances: Array<{ eventSourceId: string; version: number }> }>>('runtime', 'aggregates', 'list');
            expect(roots.find((root) => root.aggregateRootId === aggregateRoot)?.instances).toEqual([{ eventSourceId: instance, version: 2 }]);
        });

        it('lists the events of the instance in order', async () => {
            const events = await json<Array<{ aggregateVersion: number; content: unknown }>>('runtime', 'aggregates', 'events', aggregateRoot, instance);
            expect(events.map(({ aggregateVersion, content }) => ({ aggregateVersion, content }))).toEqual([
                { aggregateVersion: 0, content: { dish: 0 } },
                { aggregateVersion: 1, content: { dish: 1 } },
            ]);
        });
    });

    describe('and asking for what is not there', () => {
        it('names an unknown event handler', async () => {
            const unknown = randomUUID();
            const run = await dolittle('runtime', 'eventhandlers', 'get', unknown);
            expect([run.code, run.stderr.includes(unknown)]).toEqual([exitCodes.refused, true]);
        });

        it('names a malformed id and the field', async () => {
            const run = await dolittle('runtime', 'failures', 'retry', 'not-a-guid');
            expect([run.code, run.stderr.includes("processorId 'not-a-guid' is not a GUID")]).toEqual([exitCodes.refused, true]);
        });

        it('names an unknown tenant', async () => {
            const unknown = randomUUID();
            const run = await dolittle('--tenant', unknown, 'runtime', 'eventhandlers', 'replay', 'all', eventHandlerId);
            expect([run.code, run.stderr.includes(`Tenant '${unknown}' is not in tenants.json`)]).toEqual([exitCodes.refused, true]);
        });

        it('refuses a position past the end and changes nothing', async () => {
            const before = handlerOf(await json<ProcessorJson[]>('runtime', 'eventhandlers', 'list'))?.tenants[0]?.position;
            const run = await dolittle('runtime', 'eventhandlers', 'replay', 'from', eventHandlerId, '1000');
            const after = handlerOf(await json<ProcessorJson[]>('runtime', 'eventhandlers', 'list'))?.tenants[0]?.position;
            expect([run.code, run.stderr.includes('Position 1000 is past the end'), after]).toEqual([exitCodes.refused, true, before]);
        });

        it('says in one line that a Runtime is not reachable', async () => {
            const run = await runCli(['--runtime', '127.0.0.1:1', 'runtime', 'eventhandlers', 'list']);
            expect([run.code, run.stderr.trim().split('\n').length, run.stderr.includes('Cannot reach')]).toEqual([exitCodes.unreachable, 1, true]);
        });
    });
});
