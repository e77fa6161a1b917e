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
    /** More properties of the public endpoint (its TLS files). */
    readonly publicEndpoint?: Readonly<Record<string, unknown>>;
    readonly microserviceId?: string;
    readonly consents?: Readonly<Record<string, unknown>>;
    readonly microservices?: Readonly<Record<string, unknown>>;
};

/** Writes the `.dolittle/`-style JSON files (tenants, resources, endpoints, metrics, and empty event horizon files). */
export async function writeRuntimeConfiguration(folder: string, files: RuntimeConfigurationFiles): Promise<void> {
    await mkdir(folder, { recursive: true });
    const tenants = Object.fromEntries(files.tenants.map((tenant) => [tenant, {}]));
    const contents: Record<string, unknown> = {
        'tenants.json': tenants,
        'resources.json': files.resources,
        ...endpointFiles(files),
        'event-horizon-consents.json': files.consents ?? {},
        'microservices.json': files.microservices ?? {},
        ...(files.microserviceId === undefined
            ? {}
            : { 'bounded-context.json': { application: 'c6912245-892f-4eef-9c3e-7fd410268c40', boundedContext: files.microserviceId, boundedContextName: 'Test' } }),
    };
    await writeFiles(folder, contents);
}

/** Rewrites the files that name the ports (endpoints.json and metrics.json), e.g. with the ports a Runtime reported after binding port 0. */
export async function writeEndpoints(folder: string, ports: Pick<RuntimeConfigurationFiles, 'privatePort' | 'publicPort' | 'managementPort' | 'httpPort' | 'publicEndpoint'>): Promise<void> {
    await writeFiles(folder, endpointFiles(ports));
}

function endpointFiles(ports: Pick<RuntimeConfigurationFiles, 'privatePort' | 'publicPort' | 'managementPort' | 'httpPort' | 'publicEndpoint'>): Record<string, unknown> {
    return {
        'endpoints.json': { public: { ...ports.publicEndpoint, port: ports.publicPort }, private: { port: ports.privatePort }, management: { port: ports.managementPort ?? 0 } },
        'metrics.json': { Port: ports.httpPort },
    };
}

async function writeFiles(folder: string, contents: Readonly<Record<string, unknown>>): Promise<void> {
    for (const [name, content] of Object.entries(contents)) {
        await writeFile(join(folder, name), `${JSON.stringify(content, undefined, 4)}\n`);
    }
}
