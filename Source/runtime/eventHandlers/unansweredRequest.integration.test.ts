import type { dolittle } from '@dolittle-typescript/protocol';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExecutionContext } from '../execution/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { createLogging } from '../logging/index.js';
import { ReverseCallServer } from '../reverseCalls/given/ReverseCallServer.js';
import { registration, TestHead } from '../reverseCalls/given/TestHead.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';
import { postgresForTests } from '../storage/postgres/given/postgresForTests.js';
import { processingBackends } from '../streamProcessors/given/processingBackends.js';
import { TenantUnderTest } from '../streamProcessors/given/TenantUnderTest.js';
import type { EventHandlerRegistration } from './EventHandlerRegistration.js';
import { HeadEventHandler } from './HeadEventHandler.js';
import { startEventHandler, type RunningEventHandler } from './startEventHandler.js';

const backends = processingBackends(await postgresForTests(import.meta.url));
const requestTimeout = 300;
const dishPrepared = 'aa4e1a9e-c481-4a2a-abe8-4799a6bbe3b7' as Guid;
const slowKitchen = 'f2d366cf-c00a-4479-acc4-851e04b6fbba' as Guid;
const quickKitchen = '6b2c1d8e-3f4a-4b5c-9d6e-7f8091a2b3c4' as Guid;
const eventHandlerId = '6a7f4ab9-5c39-4d3c-8f8e-2d0b3a7c1e55' as Guid;

type HandleRequest = dolittle.runtime.events.processing.HandleEventRequest.$Properties;
type HandleResponse = dolittle.runtime.events.processing.EventHandlerResponse;
type LogLine = { readonly level: number; readonly msg: string } & Readonly<Record<string, unknown>>;

function processingContextFor(tenantId: Guid): ExecutionContext {
    return {
        microserviceId: 'f39b1f61-d360-4675-b859-53c05c87c0e6' as Guid,
        tenantId,
        version: { major: 0, minor: 0, patch: 0, build: 0, preRelease: '' },
        correlationId: '0b3a0d4c-1f56-4e4b-a4d2-9b8f4c0e2a11' as Guid,
        claims: [],
        environment: 'Undetermined',
    };
}

const sequenceNumberOf = (request: HandleRequest) => Number(request.event?.event?.eventLogSequenceNumber);

describeForEachBackend(backends, 'when a head answers pings but never answers the first processing request of a partitioned event handler, stored in $name', (backend) => {
    const tenant = TenantUnderTest.forSuite(backend);
    const server = new ReverseCallServer({ requestTimeout });
    const logLines: string[] = [];
    let head: TestHead;
    let running: RunningEventHandler | undefined;
    const logs = () => logLines.map((line) => JSON.parse(line) as LogLine);

    beforeAll(async () => {
        await server.start();
        head = new TestHead(server.address).answerPings();
        head.write(registration(1_000));
        await waitUntil(() => server.connections.length === 1, 'the head connected');
        const connection = server.connections[0]!;
        connection.accept();
        const handlerRegistration: EventHandlerRegistration = { scope: emptyGuid, eventHandlerId, types: [dishPrepared], partitioned: true };
        const logger = createLogging({ level: 'trace', format: 'json', categoryLevels: [] }, { write: (line) => logLines.push(line) })('runtime.eventHandlers')
            .withBindings({ eventHandler: eventHandlerId })
            .forCategory('processing');
        running = startEventHandler(handlerRegistration, [tenant().tenant], (forTenant) => new HeadEventHandler(handlerRegistration, forTenant.id, (request, tenantId, signal) =>
            connection.call(request, processingContextFor(tenantId), signal) as Promise<HandleResponse>), logger);
        await tenant().commit({ type: dishPrepared, eventSourceId: slowKitchen }, { type: dishPrepared, eventSourceId: quickKitchen });
        // The head answers every request but the first one, for the slow kitchen, until that kitchen's partition recovered.
        let answered = 1;
        await waitUntil(() => {
            for (const request of head.requests.slice(answered)) {
                head.write({ handleResult: { callContext: { callId: request.callContext?.callId } } });
            }
            answered = Math.max(answered, head.requests.length);
            return logs().some((line) => line.msg.startsWith('A failing partition processed its waiting events'));
        }, 'the failing partition recovered', 30_000);
    });
    afterAll(async () => {
        await running?.stop();
        head.close();
        await server.stop();
    });

    it('logs the unanswered request as a failed attempt, naming the processor, the tenant, the partition and the event', () => {
        const failure = logs().find((line) => line.msg.startsWith('Processing an event failed; its partition waits'));
        expect(failure).toMatchObject({
            level: 40,
            eventHandler: eventHandlerId,
            tenant: tenant().tenant.id,
            partition: slowKitchen,
            eventLogSequenceNumber: 0,
            reason: `The head did not answer the processing request within ${requestTimeout} ms`,
        });
    });

    it('goes on with the other partition meanwhile', () => {
        const sent = head.requests.map(sequenceNumberOf);
        expect(sent.indexOf(1)).toBeLessThan(sent.lastIndexOf(0));
    });

    it('sends the event again with the reason and one failed attempt', () => {
        const retry = head.requests.find((request) => sequenceNumberOf(request) === 0 && request.retryProcessingState);
        expect(retry?.retryProcessingState).toEqual(expect.objectContaining({ failureReason: `The head did not answer the processing request within ${requestTimeout} ms`, retryCount: 1 }));
    });

    it('sends the retry under a new call id', () => {
        const callIds = head.requests.filter((request) => sequenceNumberOf(request) === 0).map((request) => JSON.stringify(request.callContext?.callId));
        expect(new Set(callIds).size).toBe(2);
    });
});
