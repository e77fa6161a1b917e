import * as grpc from '@grpc/grpc-js';
import { healthService, serviceNameOf, grpc as wire } from '@dolittle-typescript/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { callUnary, startInProcessHost, type InProcessHost } from '../host/given/inProcessHost.js';

describe('when a started Runtime is asked for its health over gRPC', () => {
    let host: InProcessHost;
    let status: number | undefined;

    beforeAll(async () => {
        host = await startInProcessHost(['445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as Guid]);
        const Client = grpc.makeClientConstructor(healthService as unknown as grpc.ServiceDefinition, serviceNameOf(healthService));
        const client = new Client(`127.0.0.1:${host.ports.privatePort}`, grpc.credentials.createInsecure()) as InProcessHost['eventStore'];
        const response = await callUnary<{ status?: number }>(client, 'check', { service: '' });
        status = response.status;
        client.close();
    });
    afterAll(async () => {
        await host.dispose();
    });

    it('answers SERVING', () => {
        expect(status).toBe(wire.health.v1.HealthCheckResponse.ServingStatus.SERVING);
    });
});
