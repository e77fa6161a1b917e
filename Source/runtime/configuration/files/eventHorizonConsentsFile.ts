import { parseGuid, type Guid } from '../../guids/index.js';
import type { ConfigurationFile } from '../ConfigurationFile.js';
import type { EventHorizonConsent } from '../RuntimeConfiguration.js';
import { guidEntries } from './guidEntries.js';

/** A consent as written in event-horizon-consents.json. */
type ConsentContent = {
    readonly microservice: string;
    readonly tenant: string;
    readonly stream: string;
    readonly partition: string;
    readonly consent: string;
};

/** One producer tenant's consents, with the pointer to its entry for warnings. */
export type ProducerConsents = { readonly pointer: string; readonly consents: ReadonlyArray<EventHorizonConsent> };

/** event-horizon-consents.json: the consents each producer tenant gives consumers, by producer tenant id. */
export const eventHorizonConsentsFile: ConfigurationFile<ReadonlyMap<Guid, ProducerConsents>> = {
    name: 'event-horizon-consents.json',
    schemaName: 'event-horizon-consents.schema.json',
    documentedAsRequired: true,
    defaultDescription: 'no consents',
    defaultContent: {},
    read: (content, report) => new Map(guidEntries(content, report).map((entry) => {
        const consents = (entry.value as ReadonlyArray<ConsentContent>).map((consent) => ({
            consumerMicroservice: parseGuid(consent.microservice),
            consumerTenant: parseGuid(consent.tenant),
            stream: parseGuid(consent.stream),
            partition: parseGuid(consent.partition),
            consent: parseGuid(consent.consent),
        }));
        return [entry.id, { pointer: entry.pointer, consents }];
    })),
};
