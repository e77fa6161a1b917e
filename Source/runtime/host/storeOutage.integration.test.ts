import { join } from 'node:path';
import { uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantResources } from '../configuration/index.js';
import { aCommitForAggregateRequest, aCommitRequest, aFetchForAggregateRequest } from '../eventStore/given/eventStoreRequests.js';
import { eventHandlerFailureIds } from '../eventHandlers/failures.js';
import { eventStoreFailureIds } from '../eventStore/failures.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { healthLogMessages } from '../health/logMessages.js';
import { createLogging } from '../logging/index.js';
import { eventLogSourceFor } from '../streamProcessors/eventLogSourceFor.js';
import { ScriptedEventProcessor } from '../streamProcessors/given/ScriptedEventProcessor.js';
import { streamProcessorLogMessages } from '../streamProcessors/logMessages.js';
import { StreamProcessor } from '../streamProcessors/StreamProcessor.js';
import { newProcessorKey } from '../streams/given/streamKeys.js';
import { eventLogSource } from '../streams/index.js';
import { throwAwayPostgresServer } from '../storage/postgres/given/throwAwayPostgresServer.js';
import { registration, TestHead } from '../reverseCalls/given/TestHead.js';
import { writeLockFromAnotherProcess, type HeldWriteLock } from '../storage/sqlite/given/writeLockFromAnotherProcess.js';
import { callUnary } from './given/inProcessHost.js';
import { startInProcessHostWith, type InProcessHostWithResources } from './given/inProcessHostWith.js';
import { waitUntil } from './given/waitUntil.js';

type CommitResponse = dolittle.runtime.events.CommitEventsResponse;
type AggregateResponse = dolittle.runtime.events.CommitAggregateEventsResponse;
type FetchResponse = dolittle.runtime.events.FetchForAggregateResponse;

const tenant = '6a0f3b4e-8a61-4c55-9d4a-0b7f2d1e3c01' as Guid;
const bystander = '6a0f3b4e-8a61-4c55-9d4a-0b7f2d1e3c02' as Guid;
const eventSource = '1d5e0b3c-7f2a-4c8e-9b6d-3a4f5e6d7c8b' as Guid;
const aggregate = { eventSource, aggregateRoot: '2e6f1c4d-8a3b-4d9f-8c7e-4b5a6f7e8d9c' as Guid };
const throwAway = await throwAwayPostgresServer(import.meta.url);

/** What happened in one outage, observed from outside the Runtime. */
type Outage = {
    readonly acknowledged: string[];
    readonly failuresBefore: string[];
    readonly failuresDuringOutage: string[];
    aggregateCommitDuringOutage?: string | undefined;
    fetchDuringOutage?: FetchResponse;
    readinessDuringOutage?: { readonly status: number; readonly body: string };
    bystanderCommitDuringOutage?: CommitResponse;
    registrationDuringOutage?: { readonly code: number | undefined; readonly details: string };
    readinessAfterwards?: number;
    failuresAfterwards: string[];
    storedContents?: ReadonlyArray<string>;
    storedSequenceNumbers?: ReadonlyArray<number>;
    readonly processorLogs: string[];
    processed?: ReadonlyArray<number>;
    hostLogs?: ReadonlyArray<string>;
};

/** How to make a tenant's store unavailable and bring it back. */
type OutageOf = {
    readonly resources: (dataFolder: string) => TenantResources;
    readonly breakStore: (host: InProcessHostWithResources) => Promise<void>;
    readonly repairStore: () => Promise<void>;
    /** Commits one after another during the outage, each in a batch of its own. */
    readonly commitsDuringOutage: number;
};

function describeOutage(outageOf: OutageOf, expectations: (outage: Outage) => void): void {
    const outage: Outage = { acknowledged: [], failuresBefore: [], failuresDuringOutage: [], failuresAfterwards: [], processorLogs: [] };
    let host: InProcessHostWithResources;
    let processor: StreamProcessor | undefined;
    const head = new ScriptedEventProcessor();
    let counter = 0;
    const commit = async (into: string[]): Promise<void> => {
        const content = JSON.stringify({ commit: counter++ });
        const response = await callUnary<CommitResponse>(host.eventStore, 'commit', aCommitRequest(tenant, eventSource, [content]));
        if (response.failure) {
            into.push(uuidToGuid(response.failure.id));
        } else {
            outage.acknowledged.push(content);
        }
    };
    const readiness = async () => {
        const response = await fetch(`http://127.0.0.1:${host.ports.httpPort}/readyz`);
        return { status: response.status, body: await response.text() };
    };

    beforeAll(async () => {
        host = await startInProcessHostWith((dataFolder) => new Map([
            [tenant, outageOf.resources(dataFolder)],
            [bystander, { eventStore: { kind: 'embedded', file: join(dataFolder, 'bystander.sqlite'), database: 'bystander' } }],
        ]), 'info');
        for (let index = 0; index < 3; index++) {
            await commit(outage.failuresBefore);
        }
        const aggregateCommit = await callUnary<AggregateResponse>(host.eventStore, 'commitForAggregate', aCommitForAggregateRequest(tenant, { ...aggregate, expectedVersion: 0 }, ['{"aggregate":0}']));
        if (aggregateCommit.failure) {
            outage.failuresBefore.push(uuidToGuid(aggregateCommit.failure.id));
        } else {
            outage.acknowledged.push('{"aggregate":0}');
        }

        const { storage, changes } = host.tenants.get(tenant)!;
        processor = new StreamProcessor({
            key: newProcessorKey(),
            partitioned: false,
            source: eventLogSourceFor(storage.eventLog, emptyGuid),
            processor: head,
            streams: storage.streams,
            changes,
            logger: createLogging({ level: 'info', format: 'json', categoryLevels: [] }, { write: (line) => outage.processorLogs.push(line) })('processor'),
        });
        processor.start();
        await waitUntil(() => head.calls.length === 4, 'the stream processor processed the events committed so far');

        await outageOf.breakStore(host);
        // As a commit through another Runtime would: the processor reads its source during the outage.
        changes.changed(eventLogSource(emptyGuid));
        for (let index = 0; index < outageOf.commitsDuringOutage; index++) {
            await commit(outage.failuresDuringOutage);
        }
        const aggregateCommitDuringOutage = await callUnary<AggregateResponse>(
            host.eventStore, 'commitForAggregate', aCommitForAggregateRequest(tenant, { ...aggregate, expectedVersion: 1 }, ['{"aggregate":1}']),
        );
        outage.aggregateCommitDuringOutage = aggregateCommitDuringOutage.failure ? uuidToGuid(aggregateCommitDuringOutage.failure.id) : 'succeeded';
        outage.fetchDuringOutage = await callUnary<FetchResponse>(host.eventStore, 'fetchForAggregate', aFetchForAggregateRequest(tenant, aggregate));
        outage.readinessDuringOutage = await readiness();
        // It answers pings, as the SDK does: the registration waits for the store's lock on timers, long enough for
        // a silent head's keepalive to expire first.
        const connectingHead = new TestHead(`127.0.0.1:${host.ports.privatePort}`).answerPings();
        try {
            connectingHead.write(registration());
            // A refused registration ends the call: FAILED_PRECONDITION with the details `Failure <id>: <reason>`.
            await waitUntil(() => connectingHead.status !== undefined, 'the event handler registration was answered');
            outage.registrationDuringOutage = { code: connectingHead.status?.code, details: connectingHead.status?.details ?? '' };
        } finally {
            connectingHead.close();
        }
        outage.bystanderCommitDuringOutage = await callUnary<CommitResponse>(host.eventStore, 'commit', aCommitRequest(bystander, eventSource, ['{"bystander":true}']));

        await outageOf.repairStore();
        await waitUntil(async () => (await readiness()).status === 200, 'the Runtime reports ready again');
        outage.readinessAfterwards = (await readiness()).status;
        for (let index = 0; index < 3; index++) {
            await commit(outage.failuresAfterwards);
        }
        const stored = await host.tenants.get(tenant)!.storage.eventLog.read(emptyGuid, 0, 1_000);
        outage.storedContents = stored.map((event) => event.content);
        outage.storedSequenceNumbers = stored.map((event) => event.sequenceNumber);
        const last = stored.at(-1)?.sequenceNumber;
        await waitUntil(() => head.calls.at(-1)?.sequenceNumber === last, 'the stream processor processed the last stored event');
        outage.processed = head.sequenceNumbers;
        outage.hostLogs = [...host.logs];
    }, 180_000);
    afterAll(async () => {
        await processor?.stop();
        await outageOf.repairStore();
        await host?.dispose();
    });

    it('commits while the store is available', () => {
        expect(outage.failuresBefore).toEqual([]);
    });

    it('answers EventStoreUnavailable to every commit while the store is unavailable, not only the first', () => {
        expect(outage.failuresDuringOutage).toEqual(Array.from({ length: outageOf.commitsDuringOutage }, () => eventStoreFailureIds.eventStoreUnavailable));
    });

    it('answers EventStoreUnavailable to a commit for an aggregate while the store is unavailable', () => {
        expect(outage.aggregateCommitDuringOutage).toBe(eventStoreFailureIds.eventStoreUnavailable);
    });

    it('reports not ready on /readyz, naming the tenant whose store is unavailable', () => {
        expect(outage.readinessDuringOutage?.status).toBe(503);
        expect(outage.readinessDuringOutage?.body).toContain(`the event store of tenant ${tenant} is unreachable`);
    });

    it('refuses to register an event handler, naming the tenant whose store is unavailable', () => {
        expect(outage.registrationDuringOutage?.code).toBe(grpc.status.FAILED_PRECONDITION);
        expect(outage.registrationDuringOutage?.details).toMatch(
            new RegExp(`^Failure ${eventHandlerFailureIds.failedToRegisterEventHandler}: .*the event store of tenant ${tenant} is unavailable`),
        );
    });

    it('goes on committing for a tenant whose store is available', () => {
        expect(outage.bystanderCommitDuringOutage?.failure).toBeFalsy();
    });

    it('reports ready again once the store is back, without a restart', () => {
        expect(outage.readinessAfterwards).toBe(200);
    });

    it('commits again once the store is back, without a restart', () => {
        expect(outage.failuresAfterwards).toEqual([]);
    });

    it('has stored every acknowledged event, numbered from 0 without a gap', () => {
        expect(outage.storedSequenceNumbers).toEqual(outage.storedContents?.map((_, index) => index));
        expect(outage.storedContents).toEqual(expect.arrayContaining(outage.acknowledged));
        expect(outage.acknowledged).toHaveLength(3 + 1 + 3);
    });

    it('logs once that the tenant\'s store cannot be reached, and once that it can again', () => {
        const said = (text: string) => (outage.hostLogs ?? []).filter((line) => line.includes(text) && line.includes(tenant)).length;
        expect([said(healthLogMessages.storeUnreachable.message), said(healthLogMessages.storeReachable.message)]).toEqual([1, 1]);
    });

    it('has the stream processor go on from its stored position once the store is back, and process every stored event in order', () => {
        // A crash of the database may lose the last positions saved (they are written without waiting for a flush):
        // the processor then sees some events again, as at-least-once delivery allows, but skips none.
        const processedBefore = 4;
        const resumedAt = outage.processed?.[processedBefore] ?? Number.NaN;
        expect(resumedAt).toBeLessThanOrEqual(processedBefore);
        expect(outage.processed?.slice(processedBefore)).toEqual(outage.storedSequenceNumbers?.slice(resumedAt));
    });

    it('keeps the stream processor running without logging an error', () => {
        expect(outage.processorLogs.filter((line) => line.includes('"level":50'))).toEqual([]);
    });

    expectations(outage);
}

describe.skipIf(!throwAway.available)('when the PostgreSQL server of a tenant stops and starts again', () => {
    const server = throwAway.available ? throwAway.server : undefined;
    afterAll(async () => {
        await server?.dispose();
    });
    describeOutage(
        {
            resources: () => ({ eventStore: { kind: 'postgres', connectionString: server!.connectionString, schema: 'tenant_in_outage', maximumConnections: 5 } }),
            breakStore: () => server!.stop('immediate'),
            repairStore: () => server!.start(),
            commitsDuringOutage: 5,
        },
        (outage) => {
            it('answers EventStoreUnavailable to fetching an aggregate while the server is down', () => {
                expect(uuidToGuid(outage.fetchDuringOutage?.failure?.id)).toBe(eventStoreFailureIds.eventStoreUnavailable);
            });

            it('has the stream processor say once that it waits for the store, and once that it goes on', () => {
                const said = (text: string) => outage.processorLogs.filter((line) => line.includes(text)).length;
                expect([said(streamProcessorLogMessages.storeUnavailable.message), said(streamProcessorLogMessages.storeAvailable.message)]).toEqual([1, 1]);
            });
        },
    );
});

describe('when another process holds the write lock of a tenant\'s embedded store, and lets it go again', () => {
    let lock: HeldWriteLock | undefined;
    describeOutage(
        {
            resources: (dataFolder) => ({ eventStore: { kind: 'embedded', file: join(dataFolder, 'locked.sqlite'), database: 'locked' } }),
            breakStore: async (host) => {
                lock = await writeLockFromAnotherProcess(join(host.dataFolder, 'locked.sqlite'));
            },
            repairStore: async () => {
                await lock?.release();
                lock = undefined;
            },
            // Each waits for the lock as long as the store's busy timeout allows.
            commitsDuringOutage: 2,
        },
        (outage) => {
            it('still fetches an aggregate, since reading needs no lock', () => {
                expect(outage.fetchDuringOutage?.failure).toBeFalsy();
                expect(outage.fetchDuringOutage?.events?.events?.map((event) => event.content)).toEqual(['{"aggregate":0}']);
            });
        },
    );
});
