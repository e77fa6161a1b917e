import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigurationIsInvalid } from './ConfigurationIsInvalid.js';
import { useTemporaryConfigurationFolder } from './given/temporaryConfigurationFolder.js';
import { loadRuntimeConfiguration } from './loadRuntimeConfiguration.js';
import { locateSchemasFolder } from './locateSchemasFolder.js';
import { SchemasFolderIsMissing } from './SchemasFolderIsMissing.js';

const developmentTenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44';
const kitchenTenant = '2f3e4d5c-1a6f-40d7-b2fc-796dba92dc44';
const producerMicroservice = 'a14bb24e-51f3-4d83-9eba-44c4cffe6bb9';

const temporary = useTemporaryConfigurationFolder('dolittle-configuration-', 'postgres://postgres:hunter2@127.0.0.1:5432/postgres');

async function write(files: Record<string, unknown>): Promise<void> {
    for (const [name, content] of Object.entries(files)) {
        await writeFile(join(temporary.folder, name), typeof content === 'string' ? content : JSON.stringify(content, undefined, 4));
    }
}

async function problemsOf(loading: Promise<unknown>): Promise<ConfigurationIsInvalid> {
    const error = await loading.then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigurationIsInvalid);
    return error as ConfigurationIsInvalid;
}

const mongo = (database: string) => ({ servers: ['localhost'], database, maxConnectionPoolSize: 1000 });

const fullSet = {
    'tenants.json': { [developmentTenant]: {}, [kitchenTenant]: {} },
    'resources.json': {
        [developmentTenant]: { eventStore: mongo('event_store'), projections: mongo('projections'), embeddings: mongo('embeddings') },
        [kitchenTenant]: { eventStore: mongo('kitchen-events') },
    },
    'endpoints.json': { public: { port: 50062 }, private: { port: 50063 } },
    'event-horizon-consents.json': {
        [developmentTenant]: [{
            microservice: producerMicroservice,
            tenant: kitchenTenant,
            stream: '2c087657-b318-40b1-ae92-a400de44e507',
            partition: '00000000-0000-0000-0000-000000000000',
            consent: 'ad57aa2b-e641-4251-b800-dd171e175d1f',
        }],
    },
    'microservices.json': { [producerMicroservice]: { host: 'producer', port: 50052 } },
    'metrics.json': { Port: 9701 },
    'bounded-context.json': { application: 'c6912245-892f-4eef-9c3e-7fd410268c40', boundedContext: '3c2a4f7b-0d1e-4c5a-9b8f-6e7d8c9b0a1f', boundedContextName: 'Kitchen' },
};

describe('when loading a valid, complete configuration folder', () => {
    it('reads every file into the configuration, warning only about the resources it does not use', async () => {
        await write(fullSet);
        const { configuration, warnings } = await loadRuntimeConfiguration(temporary.options);
        expect(warnings).toEqual(['projections', 'embeddings'].map((key) =>
            `${join(temporary.folder, 'resources.json')} sets /${developmentTenant}/${key}, which this Runtime does not use (projections keep their read models in the tenant's event store; embeddings are not supported): it is ignored`));
        expect(configuration.microserviceId).toBe('3c2a4f7b-0d1e-4c5a-9b8f-6e7d8c9b0a1f');
        expect(configuration.tenants).toEqual([developmentTenant, kitchenTenant]);
        expect(configuration.endpoints).toEqual({ publicPort: 50062, privatePort: 50063, managementPort: 51052, httpPort: 9701, host: '0.0.0.0' });
        expect(configuration.portSources.httpPort).toBe(`${join(temporary.folder, 'metrics.json')} at /port (the default when that key is absent)`);
        expect(configuration.microservices.get(producerMicroservice as never)).toEqual({ host: 'producer', port: 50052 });
        expect(configuration.consents.get(developmentTenant as never)).toMatchObject([{ consumerMicroservice: producerMicroservice, consumerTenant: kitchenTenant }]);
        expect(configuration.logging).toEqual(temporary.options.logging);
    });

    it('maps MongoDB-shaped event stores onto embedded files in the data folder', async () => {
        await write(fullSet);
        const { configuration } = await loadRuntimeConfiguration(temporary.options);
        expect(configuration.resources.get(kitchenTenant as never)?.eventStore)
            .toEqual({ kind: 'embedded', file: join(temporary.root, 'data', 'kitchen-events.sqlite'), database: 'kitchen-events' });
    });

    it('maps MongoDB-shaped event stores onto PostgreSQL schemas with --store postgres', async () => {
        await write(fullSet);
        const { configuration } = await loadRuntimeConfiguration({ ...temporary.options, store: 'postgres' });
        expect(configuration.resources.get(kitchenTenant as never)?.eventStore)
            .toEqual({ kind: 'postgres', connectionString: temporary.options.postgresConnectionString, schema: 'kitchen_events', maximumConnections: 20 });
    });

    it('freezes the configuration', async () => {
        await write(fullSet);
        const { configuration } = await loadRuntimeConfiguration(temporary.options);
        expect(Object.isFrozen(configuration.endpoints)).toBe(true);
        expect(() => (configuration.resources as Map<unknown, unknown>).clear()).toThrow(/frozen/);
    });
});

describe('when property names differ in letter case', () => {
    it('reads Port, PUBLIC and EventStore as port, public and eventStore', async () => {
        await write({
            ...fullSet,
            'endpoints.json': { PUBLIC: { Port: 1111 }, Private: { PORT: 2222 } },
            'resources.json': { [developmentTenant]: { EventStore: { Embedded: { Database: 'dev' } } }, [kitchenTenant]: {} },
        });
        const { configuration } = await loadRuntimeConfiguration(temporary.options);
        expect(configuration.endpoints).toMatchObject({ publicPort: 1111, privatePort: 2222 });
        expect(configuration.resources.get(developmentTenant as never)?.eventStore).toMatchObject({ kind: 'embedded', database: 'dev' });
    });
});

describe('when the configuration folder does not exist', () => {
    it('runs with the development defaults and warns about it', async () => {
        const missing = join(temporary.root, 'nowhere');
        const { configuration, warnings } = await loadRuntimeConfiguration({ ...temporary.options, configurationFolder: missing });
        expect(configuration.tenants).toEqual([developmentTenant]);
        expect(configuration.microserviceId).toBe('f39b1f61-d360-4675-b859-53c05c87c0e6');
        expect(configuration.endpoints).toEqual({ publicPort: 50052, privatePort: 50053, managementPort: 51052, httpPort: 9700, host: '0.0.0.0' });
        expect(configuration.portSources.privatePort).toBe(`the default, as ${join(missing, 'endpoints.json')} does not exist`);
        expect(configuration.consents.size).toBe(0);
        expect(configuration.microservices.size).toBe(0);
        expect(configuration.resources.get(developmentTenant as never)?.eventStore).toEqual({ kind: 'embedded', file: join(temporary.root, 'data', 'event_store.sqlite'), database: 'event_store' });
        expect(warnings).toEqual([`The configuration folder ${missing} does not exist: the Runtime runs with the development defaults`]);
    });
});

describe('when the configuration folder given with --configuration does not exist', () => {
    it('refuses to start, naming the folder', async () => {
        const missing = join(temporary.root, 'nowhere');
        const error = await problemsOf(loadRuntimeConfiguration({ ...temporary.options, configurationFolder: missing, configurationFolderIsExplicit: true }));
        expect(error.message).toContain(missing);
        expect(error.problems).toEqual([expect.objectContaining({ file: missing, found: 'nothing: the folder given with --configuration does not exist' })]);
    });
});

describe('when the configuration folder is empty', () => {
    it('uses the defaults and warns about each file the original documentation calls required', async () => {
        const { configuration, warnings } = await loadRuntimeConfiguration(temporary.options);
        expect(configuration.tenants).toEqual([developmentTenant]);
        expect(warnings).toEqual(['tenants.json', 'resources.json', 'event-horizon-consents.json'].map((name) => expect.stringContaining(join(temporary.folder, name))));
    });
});

describe('when the configuration folder is a file', () => {
    it('refuses it', async () => {
        const file = join(temporary.root, 'file');
        await writeFile(file, '{}');
        const error = await problemsOf(loadRuntimeConfiguration({ ...temporary.options, configurationFolder: file }));
        expect(error.problems).toEqual([{ file, pointer: '', found: 'a file', expected: 'a folder holding the configuration files' }]);
    });
});

describe('when every file has a problem', () => {
    it('reports each, naming the file, the pointer and the value found', async () => {
        await write({
            'tenants.json': { [developmentTenant]: {}, kitchen: {} },
            'resources.json': { [developmentTenant]: { eventStore: { database: 'event store' } } },
            'endpoints.json': { public: { port: 'fifty' } },
            'event-horizon-consents.json': { [developmentTenant]: [{ microservice: 'x' }] },
            'microservices.json': { [producerMicroservice]: { host: 'producer', port: 0 } },
            'metrics.json': { Port: -1 },
            'bounded-context.json': { boundedContext: 'kitchen' },
        });
        const error = await problemsOf(loadRuntimeConfiguration(temporary.options));
        const at = (name: string, pointer: string, found: string) => expect.objectContaining({ file: join(temporary.folder, name), pointer, found });
        expect(error.problems).toEqual(expect.arrayContaining([
            at('tenants.json', '/kitchen', 'the property name "kitchen"'),
            at('resources.json', `/${developmentTenant}/eventStore/database`, '"event store"'),
            at('endpoints.json', '/public/port', '"fifty"'),
            at('event-horizon-consents.json', `/${developmentTenant}/0/microservice`, '"x"'),
            at('event-horizon-consents.json', `/${developmentTenant}/0/tenant`, 'nothing'),
            at('microservices.json', `/${producerMicroservice}/port`, '0'),
            at('metrics.json', '/Port', '-1'),
            at('bounded-context.json', '/boundedContext', '"kitchen"'),
        ]));
        expect(error.message).toContain(`${join(temporary.folder, 'endpoints.json')} at /public/port: found "fifty"; expected a TCP port`);
    });
});

describe('when a file is not valid JSON', () => {
    it('reports the file, line and column', async () => {
        await write({ 'endpoints.json': '{\n    "public": { "port": 50052 },\n}\n' });
        const error = await problemsOf(loadRuntimeConfiguration(temporary.options));
        expect(error.problems).toEqual([{
            file: join(temporary.folder, 'endpoints.json'),
            pointer: '',
            position: { line: 3, column: 1 },
            found: "'}'",
            expected: 'a property name in double quotes (the file is not valid JSON)',
        }]);
    });

    it('accepts a byte order mark at the start', async () => {
        await write({ 'metrics.json': '\uFEFF{ "Port": 9800 }' });
        expect((await loadRuntimeConfiguration(temporary.options)).configuration.endpoints.httpPort).toBe(9800);
    });
});

describe('when two tenants use the same database', () => {
    it('refuses the configuration, naming both tenants', async () => {
        await write({ ...fullSet, 'resources.json': { [developmentTenant]: { eventStore: mongo('shared') }, [kitchenTenant]: { eventStore: { embedded: { database: 'shared' } } } } });
        const error = await problemsOf(loadRuntimeConfiguration(temporary.options));
        expect(error.problems).toEqual([expect.objectContaining({
            file: join(temporary.folder, 'resources.json'),
            pointer: `/${kitchenTenant}/eventStore`,
            found: expect.stringMatching(new RegExp(`tenant ${kitchenTenant} .* tenant ${developmentTenant} also uses`)),
        })]);
    });
});

describe('when the configuration has connection strings', () => {
    it('never shows them in the errors', async () => {
        await write({
            ...fullSet,
            'resources.json': {
                [developmentTenant]: { eventStore: { postgres: { connectionString: 'mysql://root:hunter2@db/x', schema: 'dev' } } },
                [kitchenTenant]: { eventStore: { postgres: { connectionString: 'postgres://k:hunter2@db/x', schema: 'Bad Schema' } } },
            },
        });
        const error = await problemsOf(loadRuntimeConfiguration(temporary.options));
        expect(error.problems).toHaveLength(2);
        expect(error.message).not.toContain('hunter2');
    });
});

describe('when resources.json names a tenant that is not in tenants.json', () => {
    it('returns a warning, not an error', async () => {
        const stranger = '99999999-0000-0000-0000-000000000000';
        await write({ ...fullSet, 'resources.json': { ...fullSet['resources.json'], [stranger]: { eventStore: mongo('stranger') } } });
        const { warnings } = await loadRuntimeConfiguration(temporary.options);
        expect(warnings.filter((warning) => !warning.includes('does not use'))).toEqual([expect.stringContaining(`tenant ${stranger}, which is not in tenants.json`)]);
    });
});

describe('when finding the Schemas folder', () => {
    it('finds it from the built code in dist as from the sources', () => {
        const built = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'configuration', 'loadRuntimeConfiguration.js')).href;
        expect(locateSchemasFolder(built)).toBe(locateSchemasFolder());
    });
    it('says where it looked when there is none', () => {
        expect(() => locateSchemasFolder(pathToFileURL(join(temporary.root, 'runtime.js')).href)).toThrow(SchemasFolderIsMissing);
    });
});
