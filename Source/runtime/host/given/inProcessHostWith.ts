import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { eventStoreService, serviceNameOf } from '@dolittle-typescript/protocol';
import type { RuntimeConfiguration, TenantResources } from '../../configuration/index.js';
import type { Guid } from '../../guids/index.js';
import { createLogging, type LogLevel } from '../../logging/index.js';
import { startHost } from '../Host.js';
import type { InProcessHost } from './inProcessHost.js';

/** Where the tenants of an in-process Runtime keep their events, given the Runtime's fresh data folder. */
export type ResourcesFor = (dataFolder: string) => ReadonlyMap<Guid, TenantResources>;

/** A Runtime started inside the test process, with the folder its configuration and embedded files live in. */
export type InProcessHostWithResources = InProcessHost & {
    readonly dataFolder: string;
    /** The JSON lines the Runtime logged at the given level and above. */
    readonly logs: ReadonlyArray<string>;
};

/**
 * Starts a Runtime in this process on free ports with the tenants and stores the caller gives (e.g. PostgreSQL
 * schemas or embedded files in the data folder), where startInProcessHost gives each tenant an embedded file. Fails
 * as the host does, e.g. with ConfigurationIsInvalid when two tenants share a schema.
 */
export async function startInProcessHostWith(resourcesFor: ResourcesFor, level: LogLevel = 'warn'): Promise<InProcessHostWithResources> {
    const dataFolder = mkdtempSync(join(tmpdir(), 'dolittle-host-'));
    const resources = resourcesFor(dataFolder);
    const configuration: RuntimeConfiguration = {
        configurationFolder: dataFolder,
        dataFolder,
        microserviceId: 'f39b1f61-d360-4675-b859-53c05c87c0e6' as Guid,
        tenants: [...resources.keys()],
        resources,
        consents: new Map(),
        microservices: new Map(),
        endpoints: { privatePort: 0, publicPort: 0, managementPort: 0, httpPort: 0, host: '127.0.0.1' },
        portSources: { privatePort: 'the test', publicPort: 'the test', managementPort: 'the test', httpPort: 'the test' },
        logging: { level, format: 'json', categoryLevels: [] },
    };
    const logs: string[] = [];
    const logger = createLogging(configuration.logging, { write: (line: string) => logs.push(line) })('runtime');
    let host;
    try {
        host = await startHost(configuration, logger);
    } catch (error) {
        rmSync(dataFolder, { recursive: true, force: true });
        throw error;
    }
    const Client = grpc.makeClientConstructor(eventStoreService as unknown as grpc.ServiceDefinition, serviceNameOf(eventStoreService));
    const eventStore = new Client(`127.0.0.1:${host.ports.privatePort}`, grpc.credentials.createInsecure()) as InProcessHost['eventStore'];
    const running = host;
    return {
        ...running,
        eventStore,
        dataFolder,
        logs,
        dispose: async () => {
            eventStore.close();
            await running.stop();
            rmSync(dataFolder, { recursive: true, force: true });
        },
    };
}
