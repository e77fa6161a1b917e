import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { eventStoreService, serviceNameOf } from '@dolittle-typescript/protocol';
import type { RuntimeConfiguration, TenantResources } from '../../configuration/index.js';
import type { Guid } from '../../guids/index.js';
import { createLogging } from '../../logging/index.js';
import { startHost, type RunningHost } from '../Host.js';

/** A Runtime started inside the test process on free ports, with embedded stores in a temporary folder. */
export type InProcessHost = RunningHost & {
    /** A raw gRPC client of the EventStore service on the private port. */
    readonly eventStore: grpc.Client & Record<string, (request: unknown, callback: (error: grpc.ServiceError | null, response: unknown) => void) => void>;
    /** Stops the Runtime and removes its data. */
    dispose(): Promise<void>;
};

/** Starts a Runtime in this process for the given tenants (each with its own embedded store). */
export async function startInProcessHost(tenants: ReadonlyArray<Guid>): Promise<InProcessHost> {
    const dataFolder = mkdtempSync(join(tmpdir(), 'dolittle-host-'));
    const resources = new Map<Guid, TenantResources>(
        tenants.map((tenant, index) => [tenant, { eventStore: { kind: 'embedded', file: join(dataFolder, `tenant_${index}.sqlite`), database: `tenant_${index}` } }]),
    );
    const configuration: RuntimeConfiguration = {
        configurationFolder: dataFolder,
        dataFolder,
        microserviceId: 'f39b1f61-d360-4675-b859-53c05c87c0e6' as Guid,
        tenants,
        resources,
        consents: new Map(),
        microservices: new Map(),
        endpoints: { privatePort: 0, publicPort: 0, managementPort: 0, httpPort: 0, host: '127.0.0.1' },
        portSources: { privatePort: 'the test', publicPort: 'the test', managementPort: 'the test', httpPort: 'the test' },
        logging: { level: 'error', format: 'json', categoryLevels: [] },
    };
    const logger = createLogging(configuration.logging, { write: () => undefined })('runtime');
    const host = await startHost(configuration, logger);
    const Client = grpc.makeClientConstructor(eventStoreService as unknown as grpc.ServiceDefinition, serviceNameOf(eventStoreService));
    const eventStore = new Client(`127.0.0.1:${host.ports.privatePort}`, grpc.credentials.createInsecure()) as InProcessHost['eventStore'];
    return {
        ...host,
        eventStore,
        dispose: async () => {
            eventStore.close();
            await host.stop();
            rmSync(dataFolder, { recursive: true, force: true });
        },
    };
}

/** Calls a unary method of a raw client and resolves with the response (rejects with the gRPC error). */
export function callUnary<Response>(client: InProcessHost['eventStore'], method: string, request: unknown): Promise<Response> {
    return new Promise((resolve, reject) => {
        const call = client[method];
        if (call === undefined) {
            reject(new Error(`The client has no method ${method}`));
            return;
        }
        call.call(client, request, (error, response) => (error === null ? resolve(response as Response) : reject(error)));
    });
}
