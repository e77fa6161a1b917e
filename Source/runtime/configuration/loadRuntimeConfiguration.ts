import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandLineOptions } from './CommandLineOptions.js';
import type { ConfigurationFile } from './ConfigurationFile.js';
import { ConfigurationIsInvalid } from './ConfigurationIsInvalid.js';
import type { ConfigurationProblem } from './ConfigurationProblem.js';
import { configurationFiles } from './configurationFiles.js';
import { boundedContextFile } from './files/boundedContextFile.js';
import { endpointsFile } from './files/endpointsFile.js';
import { eventHorizonConsentsFile } from './files/eventHorizonConsentsFile.js';
import { metricsFile } from './files/metricsFile.js';
import { microservicesFile } from './files/microservicesFile.js';
import { resourcesFile } from './files/resourcesFile.js';
import { tenantsFile } from './files/tenantsFile.js';
import { findDuplicateConsents } from './findDuplicateConsents.js';
import { findPortConflicts } from './findPortConflicts.js';
import { freezeDeeply } from './freezeDeeply.js';
import { loadConfigurationSchemas } from './loadConfigurationSchemas.js';
import { locateSchemasFolder } from './locateSchemasFolder.js';
import { readConfigurationFile, type ReadConfigurationFile } from './readConfigurationFile.js';
import { resolveTenantResources } from './resolveTenantResources.js';
import type { RuntimeConfiguration } from './RuntimeConfiguration.js';

/** The Runtime's configuration and the warnings to log about it. */
export type LoadedConfiguration = { readonly configuration: RuntimeConfiguration; readonly warnings: ReadonlyArray<string> };

/**
 * Reads and validates every configuration file, filling in the development defaults for missing ones, and returns
 * the frozen configuration; throws ConfigurationIsInvalid listing every problem found.
 */
export async function loadRuntimeConfiguration(options: CommandLineOptions, schemasFolder = locateSchemasFolder()): Promise<LoadedConfiguration> {
    const folder = options.configurationFolder;
    const schemas = loadConfigurationSchemas(schemasFolder, configurationFiles.map((file) => file.schemaName));
    const folderKind = await kindOf(folder);
    if (folderKind === 'other') {
        throw new ConfigurationIsInvalid(folder, [{ file: folder, pointer: '', found: 'a file', expected: 'a folder holding the configuration files' }]);
    }
    if (folderKind === 'missing' && options.configurationFolderIsExplicit) {
        throw new ConfigurationIsInvalid(folder, [{
            file: folder,
            pointer: '',
            found: 'nothing: the folder given with --configuration does not exist',
            expected: 'an existing folder holding the configuration files (leave --configuration out to run with the development defaults)',
        }]);
    }
    const folderExists = folderKind === 'folder';
    const read = <T>(file: ConfigurationFile<T>): Promise<ReadConfigurationFile<T>> => {
        const schema = schemas.get(file.schemaName);
        if (schema === undefined) {
            throw new Error(`The schema ${file.schemaName} of ${file.name} was not loaded`);
        }
        return readConfigurationFile(folder, folderExists, file, schema);
    };
    const [tenants, resources, endpoints, consents, microservices, metrics, boundedContext] = await Promise.all([
        read(tenantsFile), read(resourcesFile), read(endpointsFile), read(eventHorizonConsentsFile),
        read(microservicesFile), read(metricsFile), read(boundedContextFile),
    ]);
    const all = [tenants, resources, endpoints, consents, microservices, metrics, boundedContext];
    const problems: ConfigurationProblem[] = all.flatMap((file) => file.problems);
    const warnings: string[] = folderExists
        ? all.flatMap((file) => file.warnings)
        : [`The configuration folder ${folder} does not exist: the Runtime runs with the development defaults`];

    const resolved = tenants.value !== undefined && resources.value !== undefined
        ? resolveTenantResources(resources.path, tenants.value, resources.value, options, resources.exists)
        : undefined;
    problems.push(...(resolved?.problems ?? []));
    warnings.push(...(resolved?.warnings ?? []));
    if (endpoints.value !== undefined && metrics.value !== undefined) {
        problems.push(...findPortConflicts([
            { port: endpoints.value.publicPort, name: 'public endpoint', file: endpoints.path, pointer: '/public/port' },
            { port: endpoints.value.privatePort, name: 'private endpoint', file: endpoints.path, pointer: '/private/port' },
            { port: endpoints.value.managementPort, name: 'management endpoint', file: endpoints.path, pointer: '/management/port' },
            { port: metrics.value.port, name: 'metrics and health endpoint', file: metrics.path, pointer: '/port' },
        ]));
    }
    for (const entry of resources.value?.values() ?? []) {
        warnings.push(...(entry.unused ?? []).map((pointer) => `${resources.path} sets ${pointer}, which this Runtime does not use (projections keep their read models in the tenant's event store; embeddings are not supported): it is ignored`));
    }
    for (const [producer, entry] of consents.value ?? []) {
        if (tenants.value !== undefined && !tenants.value.some((tenant) => tenant === producer)) {
            warnings.push(`${consents.path} has consents at ${entry.pointer} for tenant ${producer}, which is not in tenants.json: they are ignored`);
        }
    }
    problems.push(...findDuplicateConsents(consents.path, consents.value));
    if (problems.length > 0 || tenants.value === undefined || resolved === undefined || endpoints.value === undefined
        || consents.value === undefined || microservices.value === undefined || metrics.value === undefined || boundedContext.value === undefined) {
        throw new ConfigurationIsInvalid(folder, problems);
    }
    const configuration: RuntimeConfiguration = {
        configurationFolder: folder,
        dataFolder: options.dataFolder,
        microserviceId: boundedContext.value,
        tenants: tenants.value,
        resources: resolved.resources,
        consents: new Map([...consents.value].map(([producer, entry]) => [producer, entry.consents])),
        microservices: new Map([...microservices.value].map(([id, address]) => [id, address.certificateAuthority === undefined
            ? address
            : { ...address, certificateAuthority: resolve(folder, address.certificateAuthority) }])),
        endpoints: {
            publicPort: endpoints.value.publicPort,
            privatePort: endpoints.value.privatePort,
            managementPort: endpoints.value.managementPort,
            httpPort: metrics.value.port,
            host: '0.0.0.0',
            ...(endpoints.value.publicTls === undefined
                ? {}
                : { publicTls: { certificate: resolve(folder, endpoints.value.publicTls.certificate), key: resolve(folder, endpoints.value.publicTls.key) } }),
        },
        portSources: {
            privatePort: portSource(endpoints, '/private/port'),
            publicPort: portSource(endpoints, '/public/port'),
            managementPort: portSource(endpoints, '/management/port'),
            httpPort: portSource(metrics, '/port'),
        },
        logging: options.logging,
    };
    return { configuration: freezeDeeply(configuration), warnings };
}

function portSource(file: ReadConfigurationFile<unknown>, pointer: string): string {
    return file.exists ? `${file.path} at ${pointer} (the default when that key is absent)` : `the default, as ${file.path} does not exist`;
}

async function kindOf(path: string): Promise<'folder' | 'missing' | 'other'> {
    try {
        return (await stat(path)).isDirectory() ? 'folder' : 'other';
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            return 'missing';
        }
        throw error;
    }
}
