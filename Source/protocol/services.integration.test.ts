import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dolittle, grpc as grpcNamespace } from './generated/protocol.js';
import { startServer } from './given/startServer.js';
import { guidToUuid } from './guidToUuid.js';
import { eventHandlersService, eventStoreService, healthService } from './services.js';
import { serviceNameOf } from './ProtocolMethod.js';
import { uuidToGuid } from './uuidToGuid.js';

const malformedBytes = Buffer.from([0x0a, 0xff, 0xff, 0xff]);
const failureId = 'ef3f1a42-9bc3-4d98-aa2a-942db7c56ac1';

type UnaryCallback<Response> = (error: grpc.ServiceError | null, response?: Response) => void;

let server: grpc.Server;
let address: string;

function addServices(server: grpc.Server): void {
    server.addService(eventStoreService, {
        commit(call: grpc.ServerUnaryCall<dolittle.runtime.events.CommitEventsRequest, unknown>, callback: grpc.sendUnaryData<dolittle.runtime.events.CommitEventsResponse.$Properties>) {
            callback(null, { failure: { id: guidToUuid(failureId), reason: `received ${call.request.events.length} events` } });
        },
        commitForAggregate: () => undefined,
        fetchForAggregate: () => undefined,
    });
    server.addService(eventHandlersService, {
        connect(call: grpc.ServerDuplexStream<unknown, unknown>) {
            call.on('data', () => call.write({ ping: {} }));
            call.on('error', () => undefined);
        },
    });
    server.addService(healthService, {
        check: (_: unknown, callback: grpc.sendUnaryData<grpcNamespace.health.v1.HealthCheckResponse.$Properties>) => callback(null, { status: 1 }),
        watch: () => undefined,
    });
}

beforeAll(async () => {
    ({ server, address } = await startServer(addServices));
});

afterAll(() => {
    server.forceShutdown();
});

function commitThroughGeneratedClient(): Promise<dolittle.runtime.events.CommitEventsResponse> {
    const EventStoreClient = grpc.makeClientConstructor(eventStoreService, serviceNameOf(eventStoreService));
    const client = new EventStoreClient(address, grpc.credentials.createInsecure());
    return new Promise((resolve, reject) => {
        const commit = client['commit'] as (request: unknown, callback: UnaryCallback<dolittle.runtime.events.CommitEventsResponse>) => void;
        commit.call(client, { events: [{ content: '{}' }, { content: '{}' }] }, (error, response) => {
            client.close();
            return error ? reject(error) : resolve(response!);
        });
    });
}

describe('when a client made from a service definition calls a unary method', () => {
    it('receives the decoded response', async () => {
        const response = await commitThroughGeneratedClient();
        expect([uuidToGuid(response.failure?.id), response.failure?.reason]).toEqual([failureId, 'received 2 events']);
    });
});

describe('when a client calls the health check', () => {
    it('reads SERVING', async () => {
        const HealthClient = grpc.makeClientConstructor(healthService, serviceNameOf(healthService));
        const client = new HealthClient(address, grpc.credentials.createInsecure());
        const response = await new Promise<grpcNamespace.health.v1.HealthCheckResponse>((resolve, reject) => {
            (client['check'] as (request: unknown, callback: UnaryCallback<grpcNamespace.health.v1.HealthCheckResponse>) => void)
                .call(client, {}, (error, result) => (error ? reject(error) : resolve(result!)));
        });
        client.close();
        expect(response.status).toBe(grpcNamespace.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    });
});

describe('when a unary request holds malformed bytes', () => {
    it('fails that call with status INTERNAL', async () => {
        const client = new grpc.Client(address, grpc.credentials.createInsecure());
        const error = await new Promise<grpc.ServiceError | null>((resolve) => {
            client.makeUnaryRequest(eventStoreService.commit.path, (bytes: Buffer) => bytes, (bytes: Buffer) => bytes, malformedBytes, (callError) => resolve(callError));
        });
        client.close();
        expect(error?.code).toBe(grpc.status.INTERNAL);
    });

    it('keeps serving the next call', async () => {
        const response = await commitThroughGeneratedClient();
        expect(response.failure?.reason).toBe('received 2 events');
    });
});

describe('when a streamed message holds malformed bytes', () => {
    it('ends that stream with status INTERNAL', async () => {
        const client = new grpc.Client(address, grpc.credentials.createInsecure());
        const stream = client.makeBidiStreamRequest(eventHandlersService.connect.path, (bytes: Buffer) => bytes, (bytes: Buffer) => bytes);
        const status = await new Promise<grpc.StatusObject>((resolve) => {
            stream.on('status', resolve);
            stream.on('error', () => undefined);
            stream.on('data', () => undefined);
            stream.write(malformedBytes);
        });
        client.close();
        expect(status.code).toBe(grpc.status.INTERNAL);
    });
});
