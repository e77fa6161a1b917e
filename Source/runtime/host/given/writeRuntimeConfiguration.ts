import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What goes into a test Runtime's configuration folder. */
type RuntimeConfigurationFiles = {
    readonly tenants: ReadonlyArray<string>;
    readonly resources: Readonly<Record<string, unknown>>;
    readonly privatePort: number;
    readonly publicPort: number;
    readonly httpPort: number;
};

/** Writes the `.dolittle/`-style JSON files (tenants, resources, endpoints, metrics, and empty event horizon files). */
export async function writeRuntimeConfiguration(folder: string, files: RuntimeConfigurationFiles): Promise<void> {
    await mkdir(folder, { recursive: true });
    const tenants = Object.fromEntries(files.tenants.map((tenant) => [tenant, {}]));
    const contents: Record<string, unknown> = {
        'tenants.json': tenants,
        'resources.json': files.resources,
        'endpoints.json': { public: { port: files.publicPort }, private: { port: files.privatePort } },
        'metrics.json': { Port: files.httpPort },
        'event-horizon-consents.json': {},
        'microservices.json': {},
    };
    for (const [name, content] of Object.entries(contents)) {
        await writeFile(join(folder, name), `${JSON.stringify(content, undefined, 4)}\n`);
    }
}
