import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionContext } from '../execution/index.js';
import type { Guid } from '../guids/index.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { ReverseCallServer, type TestConnection } from './given/ReverseCallServer.js';
import { registration, TestHead } from './given/TestHead.js';
import { ReverseCallRequestTimedOut } from './ReverseCallRequestTimedOut.js';

const processingContext: ExecutionContext = {
    microserviceId: 'f39b1f61-d360-4675-b859-53c05c87c0e6' as Guid,
    tenantId: '445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as Guid,
    version: { major: 0, minor: 0, patch: 0, build: 0, preRelease: '' },
    correlationId: '0b3a0d4c-1f56-4e4b-a4d2-9b8f4c0e2a11' as Guid,
    claims: [],
    environment: 'Undetermined',
};
const requestTimeout = 300;

describe('when a head answers pings but not a request within the request timeout', () => {
    const server = new ReverseCallServer({ requestTimeout });
    let head: TestHead;
    let connection: TestConnection;
    let unanswered: unknown;
    let answeredLater: string | null | undefined;

    beforeAll(async () => {
        await server.start();
        head = new TestHead(server.address).answerPings();
        head.write(registration(100));
        await waitUntil(() => server.connections.length === 1, 'the head connected');
        connection = server.connections[0]!;
        connection.accept();
        unanswered = await connection.call({ retryProcessingState: { failureReason: 'never answered' } }, processingContext).then(() => 'answered', (error: unknown) => error);
        // The head answers the timed-out request late, then a new request in time.
        head.answer(head.requests[0]!, 'too late');
        const next = connection.call({ retryProcessingState: { failureReason: 'answered' } }, processingContext);
        await waitUntil(() => head.requests.length === 2, 'the second request arrived');
        head.answer(head.requests[1]!, 'in time');
        answeredLater = (await next).failure?.reason;
    });
    afterAll(async () => {
        head.close();
        await server.stop();
    });

    it('fails the request with ReverseCallRequestTimedOut naming the timeout', () => {
        expect(unanswered).toBeInstanceOf(ReverseCallRequestTimedOut);
        expect((unanswered as ReverseCallRequestTimedOut).timeoutMilliseconds).toBe(requestTimeout);
    });

    it('logs a warning naming the call, the tenant and the timeout', () => {
        const warning = server.logs.find((entry) => entry.msg.startsWith('The client did not answer a request within the request timeout'));
        expect(warning).toMatchObject({ level: 40, tenantId: processingContext.tenantId, timeout: requestTimeout });
    });

    it('ignores the late answer and correlates the next request', async () => {
        await waitUntil(() => server.logs.some((entry) => entry.msg.startsWith('Ignored a response for a call that is not pending')), 'the late answer was ignored');
        expect(answeredLater).toBe('in time');
    });

    it('keeps the connection', () => {
        expect(head.status).toBeUndefined();
    });
});
