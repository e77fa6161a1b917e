import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What goes into a test Runtime's configuration folder. */
type RuntimeConfigurationFiles = {
    readonly tenants: ReadonlyArray<string>;
    readonly resources: Readonly<Record<string, unknown>>;
    readonly privatePort: number;
    readonly publicPort: number;
    readonly managementPort?: number;
    readonly httpPort: number;
};

/** Writes the `.dolittle/`-style JSON files (tenants, resources, endpoints, metrics, and empty event horizon files). */
export async function writeRuntimeConfiguration(folder: string, files: RuntimeConfigurationFiles): Promise<void> {
    await mkdir(folder, { recursive: true });
    const tenants = Object.fromEntries(files.tenants.map((tenant) => [tenant, {}]));
    const contents: Record<string, unknown> = {
        'tenants.json': tenants,
        'resources.json': files.resources,
        ...endpointFiles(files),
        'event-horizon-consents.json': {},
        'microservices.json': {},
    };
    await writeFiles(folder, contents);
}

/** Rewrites the files that name the ports (endpoints.json and metrics.json), e.g. with the ports a Runtime reported after binding port 0. */
export async function writeEndpoints(folder: string, ports: Pick<RuntimeConfigurationFiles, 'privatePort' | 'publicPort' | 'managementPort' | 'httpPort'>): Promise<void> {
    await writeFiles(folder, endpointFiles(ports));
}

function endpointFiles(ports: Pick<RuntimeConfigurationFiles, 'privatePort' | 'publicPort' | 'managementPort' | 'httpPort'>): Record<string, unknown> {
    return {
        'endpoints.json': { public: { port: ports.publicPort }, private: { port: ports.privatePort }, management: { port: ports.managementPort ?? 0 } },
        'metrics.json': { Port: ports.httpPort },
    };
}

async function writeFiles(folder: string, contents: Readonly<Record<string, unknown>>): Promise<void> {
    for (const [name, content] of Object.entries(contents)) {
        await writeFile(join(folder, name), `${JSON.stringify(content, undefined, 4)}\n`);
    }
}
