import type { Guid } from '../../guids/index.js';
import type { ConfigurationFile } from '../ConfigurationFile.js';
import type { MicroserviceAddress } from '../RuntimeConfiguration.js';
import { guidEntries } from './guidEntries.js';

/** microservices.json: where the producer microservices' Runtimes listen, by microservice id. */
export const microservicesFile: ConfigurationFile<ReadonlyMap<Guid, MicroserviceAddress>> = {
    name: 'microservices.json',
    schemaName: 'microservices.schema.json',
    documentedAsRequired: false,
    defaultDescription: 'no producer microservices',
    defaultContent: {},
    read: (content, report) => new Map(guidEntries(content, report).map((entry) => {
        const address = entry.value as MicroserviceAddress;
        return [entry.id, {
            host: address.host,
            port: address.port,
            ...(address.certificateAuthority === undefined ? {} : { certificateAuthority: address.certificateAuthority }),
            ...(address.serverName === undefined ? {} : { serverName: address.serverName }),
        }];
    })),
};
