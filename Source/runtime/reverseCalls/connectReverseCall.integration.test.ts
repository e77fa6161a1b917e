import { guidToUuid, uuidToGuid } from '@dolittle-typescript/protocol';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { failedToRegisterEventHandler } from './given/eventHandlersTestProtocol.js';
import { ReverseCallServer, type TestConnection } from './given/ReverseCallServer.js';
import { headExecutionContext, registration, TestHead } from './given/TestHead.js';
import { ReverseCallEnded } from './ReverseCallEnded.js';
import { ReverseCallIsNotAccepted } from './ReverseCallIsNotAccepted.js';
import type { ExecutionContext } from '../execution/index.js';

const processingContext: ExecutionContext = {
    microserviceId: 'f39b1f61-d360-4675-b859-53c05c87c0e6' as Guid,
    tenantId: '445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as Guid,
    version: { major: 0, minor: 0, patch: 0, build: 0, preRelease: '' },
    correlationId: '0b3a0d4c-1f56-4e4b-a4d2-9b8f4c0e2a11' as Guid,
    claims: [],
    environment: 'Undetermined',
};

// Tests about something other than pings use a long interval, so that a busy machine cannot make the keepalive expire.
const quietPingInterval = 20_000;

let server: ReverseCallServer;
const heads: TestHead[] = [];

beforeAll(async () => {
    server = new ReverseCallServer();
    await server.start();
});

afterAll(async () => {
    heads.forEach((head) => head.close());
    await server.stop();
});

function openHead(): TestHead {
    const head = new TestHead(server.address);
    heads.push(head);
    return head;
}

async function connect(head: TestHead, first = registration(quietPingInterval)): Promise<TestConnection | undefined> {
    const count = server.connections.length;
    head.write(first);
    await waitUntil(() => server.connections.length > count, 'the server connected the reverse call');
    return server.connections[count];
}

async function connected(head: TestHead, first = registration(quietPingInterval)): Promise<TestConnection> {
    const connection = await connect(head, first);
    if (connection === undefined) {
        throw new Error('The reverse call was refused');
    }
    return connection;
}

async function refusalOf(head: TestHead): Promise<{ readonly id: string; readonly reason: string; readonly code: number | undefined }> {
    await waitUntil(() => head.status !== undefined, 'the call ended');
    // The failure travels in the status details only: a connect response as well would make SDK 17 register twice.
    const details = /^Failure ([0-9a-f-]{36}): ([\s\S]*)$/.exec(head.status?.details ?? '');
    return {
        id: head.connectResponses.length === 0 ? details?.[1] ?? '' : 'a connect response was written',
        reason: details?.[2] ?? '',
        code: head.status?.code,
    };
}

describe('when the first message is not the connect arguments', () => {
    it('writes the service failure and ends the call with status FAILED_PRECONDITION carrying the failure (so the SDK registers again once a second)', async () => {
        const head = openHead();
        const connection = await connect(head, { handleResult: { callContext: { callId: guidToUuid('3e1c2b4a-5d6f-4788-99aa-bbccddeeff00') } } });
        const refusal = await refusalOf(head);
        expect([connection, refusal.id, refusal.reason, refusal.code])
            .toEqual([undefined, failedToRegisterEventHandler, 'Connection arguments were not received: the first message was a response', status.FAILED_PRECONDITION]);
    });
});

describe('when the connect arguments are incomplete', () => {
    it.each([
        ['no call context', null, 'the connect arguments have no call context'],
        ['no execution context', { pingInterval: { seconds: 1 } }, 'the call context has no execution context'],
        ['no ping interval', { executionContext: headExecutionContext }, 'the call context has no ping interval'],
    ])('with %s, writes the failure naming what is missing', async (_, callContext, missing) => {
        const head = openHead();
        await connect(head, registration(100, callContext));
        const refusal = await refusalOf(head);
        expect([refusal.id, refusal.reason, refusal.code]).toEqual([failedToRegisterEventHandler, `Connection arguments were not received: ${missing}`, status.FAILED_PRECONDITION]);
    });

    it('writes the failure naming a malformed field', async () => {
        const head = openHead();
        await connect(head, registration(100, { executionContext: { tenantId: { value: new Uint8Array(3) } }, pingInterval: { seconds: 1 } }));
        const refusal = await refusalOf(head);
        expect(refusal.reason).toMatch(/^Connection arguments are malformed: .*callContext\.executionContext\.tenantId.*3 bytes/);
    });
});

describe('when the head ends its stream before sending anything', () => {
    it('writes the failure and ends the call with status FAILED_PRECONDITION carrying the failure (so the SDK registers again once a second)', async () => {
        const head = openHead();
        const count = server.connections.length;
        head.end();
        await waitUntil(() => server.connections.length > count, 'the server gave up on the call');
        const refusal = await refusalOf(head);
        expect([refusal.id, refusal.reason, refusal.code])
            .toEqual([failedToRegisterEventHandler, 'Connection arguments were not received: the client ended the stream before sending them', status.FAILED_PRECONDITION]);
    });
});

describe('when pongs arrive before the connect arguments', () => {
    it('skips them and connects', async () => {
        const head = openHead();
        head.write({ pong: {} });
        const connection = await connected(head);
        expect(connection.headId).toBe('d1b6a58c-7f3e-4b0a-9c2d-4e5f60718293');
    });
});

describe('when the connect arguments arrive', () => {
    it('pings at the requested interval before the connection is accepted', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head, registration(200));
        await waitUntil(() => head.pings >= 4, 'four pings arrived');
        expect([head.connectResponses.length, connection.pingInterval, connection.signal.aborted]).toEqual([0, 200, false]);
    });

    it('clamps a ping interval below the bounds', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head, registration(1));
        expect(connection.pingInterval).toBe(100);
    });

    it('reads the execution context the head connected with', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        expect([connection.executionContext.tenantId, connection.executionContext.environment]).toEqual(['445f8ea8-1a6f-40d7-b2fc-796dba92dc44', 'Development']);
    });
});

describe('when the feature accepts the connection', () => {
    it('writes a connect response without failure', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        connection.accept();
        await waitUntil(() => head.connectResponses.length === 1, 'the connect response arrived');
        expect(head.connectResponses[0]?.failure).toBeNull();
    });
});

describe('when the feature rejects the connection', () => {
    it('writes its failure and ends the call with status FAILED_PRECONDITION carrying the failure (so the SDK registers again once a second)', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        connection.reject(failure('45b4c918-37a5-405c-9865-d032869b1d24' as Guid, 'The event handler id is the empty GUID'));
        const refusal = await refusalOf(head);
        expect([refusal.id, refusal.reason, refusal.code, (await connection.ended).reason])
            .toEqual(['45b4c918-37a5-405c-9865-d032869b1d24', 'The event handler id is the empty GUID', status.FAILED_PRECONDITION, 'rejected']);
    });
});

describe('when a call is made before the connection is accepted', () => {
    it('rejects it with ReverseCallIsNotAccepted', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        await expect(connection.call({}, processingContext)).rejects.toBeInstanceOf(ReverseCallIsNotAccepted);
    });
});

describe('when two calls are answered out of order', () => {
    it('gives each call the response with its call id', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        connection.accept();
        const first = connection.call({ retryProcessingState: { failureReason: 'first' } }, processingContext);
        const second = connection.call({ retryProcessingState: { failureReason: 'second' } }, processingContext);
        await waitUntil(() => head.requests.length === 2, 'both requests arrived');
        const [firstRequest, secondRequest] = head.requests;
        head.answer(secondRequest!, 'answer to second');
        head.answer(firstRequest!, 'answer to first');
        expect([(await first).failure?.reason, (await second).failure?.reason]).toEqual(['answer to first', 'answer to second']);
    });

    it('sends each request with a fresh call id and the processing execution context', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        connection.accept();
        void connection.call({}, processingContext).catch(() => undefined);
        void connection.call({}, processingContext).catch(() => undefined);
        await waitUntil(() => head.requests.length === 2, 'both requests arrived');
        const contexts = head.requests.map((request) => request.callContext);
        expect([uuidToGuid(contexts[0]?.callId) !== uuidToGuid(contexts[1]?.callId), uuidToGuid(contexts[0]?.executionContext?.correlationId)])
            .toEqual([true, processingContext.correlationId]);
    });
});

describe('when a response names no pending call', () => {
    it('ignores it, logs it, and still correlates the right response', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        connection.accept();
        const call = connection.call({}, processingContext);
        await waitUntil(() => head.requests.length === 1, 'the request arrived');
        head.write({ handleResult: { callContext: { callId: guidToUuid('00000000-0000-0000-0000-0000000000aa') }, failure: { reason: 'stray' } } });
        head.write({ handleResult: { failure: { reason: 'without call context' } } });
        head.answer(head.requests[0]!, 'the answer');
        expect((await call).failure?.reason).toBe('the answer');
        await waitUntil(() => server.logs.some((entry) => entry.msg.startsWith('Ignored a response without a call context')), 'the response without call context was logged');
    });
});

describe('when the head stops sending anything', () => {
    it('drops the connection after three ping intervals and rejects the pending calls', async () => {
        const head = openHead();
        const connection = await connected(head, registration(100));
        connection.accept();
        const call = connection.call({}, processingContext);
        const rejection = call.then(() => undefined, (error: unknown) => error);
        const end = await connection.ended;
        const error = await rejection;
        await waitUntil(() => head.status !== undefined, 'the head saw the call end');
        expect([end.reason, error instanceof ReverseCallEnded, head.status?.code]).toEqual(['keepaliveExpired', true, status.CANCELLED]);
    });
});

describe('when the head cancels the call', () => {
    it('ends the connection and rejects the pending calls', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        connection.accept();
        const rejection = connection.call({}, processingContext).then(() => undefined, (error: unknown) => error);
        await waitUntil(() => head.requests.length === 1, 'the request arrived');
        head.close();
        expect([(await connection.ended).reason, (await rejection) instanceof ReverseCallEnded]).toEqual(['clientDisconnected', true]);
    });
});

describe('when the Runtime closes the connection', () => {
    it('ends the call with status UNAVAILABLE, never OK, and rejects the pending calls', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        connection.accept();
        const rejection = connection.call({}, processingContext).then(() => undefined, (error: unknown) => error);
        connection.close('shutting down');
        await waitUntil(() => head.status !== undefined, 'the head saw the call end');
        expect([head.status?.code, head.status?.details, (await rejection) instanceof ReverseCallEnded]).toEqual([status.UNAVAILABLE, 'shutting down', true]);
    });

    it('rejects new calls with ReverseCallEnded', async () => {
        const head = openHead().answerPings();
        const connection = await connected(head);
        connection.accept();
        connection.close();
        await expect(connection.call({}, processingContext)).rejects.toBeInstanceOf(ReverseCallEnded);
    });
});

describe('when the Runtime shuts down', () => {
    it('ends every reverse call with status UNAVAILABLE, before and after the connect arguments arrived', async () => {
        const shuttingDown = new ReverseCallServer();
        await shuttingDown.start();
        const connectedHead = new TestHead(shuttingDown.address).answerPings();
        const waitingHead = new TestHead(shuttingDown.address);
        heads.push(connectedHead, waitingHead);
        connectedHead.write(registration(quietPingInterval));
        waitingHead.write({ pong: {} });
        await waitUntil(() => shuttingDown.connections.length === 1, 'the head connected');
        await waitUntil(() => shuttingDown.lifetimes.size === 2, 'both calls are served');
        await shuttingDown.stop();
        await waitUntil(() => connectedHead.status !== undefined && waitingHead.status !== undefined, 'both heads saw their call end');
        expect([connectedHead.status?.code, waitingHead.status?.code]).toEqual([status.UNAVAILABLE, status.UNAVAILABLE]);
    });
});
