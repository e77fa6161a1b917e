import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import { ConfigurationIsInvalid } from './ConfigurationIsInvalid.js';
import { useTemporaryConfigurationFolder } from './given/temporaryConfigurationFolder.js';
import { loadRuntimeConfiguration } from './loadRuntimeConfiguration.js';

const tenant = '445f8ea8-1a6f-40d7-b2fc-796dba92dc44';
const consent = (id: string, partition = '00000000-0000-0000-0000-000000000000') => ({
    microservice: 'a14bb24e-51f3-4d83-9eba-44c4cffe6bb9',
    tenant,
    stream: '2c087657-b318-40b1-ae92-a400de44e507',
    partition,
    consent: id,
});

describe('when reading the Event Horizon configuration', () => {
    const configuration = useTemporaryConfigurationFolder('event-horizon-configuration-');
    const write = (name: string, content: unknown) => writeFile(join(configuration.folder, name), JSON.stringify(content));
    const problemsOf = async (): Promise<ReadonlyArray<string>> => {
        try {
            await loadRuntimeConfiguration(configuration.options);
            return [];
        } catch (error) {
            if (error instanceof ConfigurationIsInvalid) {
                return error.problems.map((problem) => `${problem.pointer}: ${problem.found}`);
            }
            throw error;
        }
    };

    it('refuses two consents of a producer tenant for the same consumer, stream and partition, naming both entries', async () => {
        await write('tenants.json', { [tenant]: {} });
        await write('event-horizon-consents.json', { [tenant]: [consent('ad57aa2b-e641-4251-b800-dd171e175d1f'), consent('0b5d4cd6-6e4e-4a5e-9b1f-53c9e0a0b3a9')] });
        expect(await problemsOf()).toEqual([
            `/${tenant}/1: a second consent of producer tenant ${tenant} for consumer microservice a14bb24e-51f3-4d83-9eba-44c4cffe6bb9, tenant ${tenant}, stream 2c087657-b318-40b1-ae92-a400de44e507 and partition 00000000-0000-0000-0000-000000000000 (the first is entry 0)`,
        ]);
    });

    it('takes consents for different partitions', async () => {
        await write('tenants.json', { [tenant]: {} });
        await write('event-horizon-consents.json', { [tenant]: [consent('ad57aa2b-e641-4251-b800-dd171e175d1f'), consent('0b5d4cd6-6e4e-4a5e-9b1f-53c9e0a0b3a9', '6a1e1c5b-3f0e-4d0f-8d3c-2f7a4b9e1c11')] });
        expect(await problemsOf()).toEqual([]);
    });

    it('resolves TLS files against the configuration folder', async () => {
        await write('endpoints.json', { public: { port: 50052, certificate: 'tls/producer.pem', key: 'tls/producer.key' } });
        await write('microservices.json', { 'a14bb24e-51f3-4d83-9eba-44c4cffe6bb9': { host: '10.0.0.2', port: 50052, certificateAuthority: 'tls/ca.pem', serverName: 'producer-runtime' } });
        const { configuration: loaded } = await loadRuntimeConfiguration(configuration.options);
        expect([loaded.endpoints.publicTls, loaded.microservices.get('a14bb24e-51f3-4d83-9eba-44c4cffe6bb9' as Guid)]).toEqual([
            { certificate: join(configuration.folder, 'tls/producer.pem'), key: join(configuration.folder, 'tls/producer.key') },
            { host: '10.0.0.2', port: 50052, certificateAuthority: join(configuration.folder, 'tls/ca.pem'), serverName: 'producer-runtime' },
        ]);
    });

    it('refuses a public certificate without its key', async () => {
        await write('endpoints.json', { public: { port: 50052, certificate: 'tls/producer.pem' } });
        expect((await problemsOf()).join('\n')).toContain('/public');
    });
});
