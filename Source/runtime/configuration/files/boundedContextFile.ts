import { MicroserviceId } from '../../execution/index.js';
import type { ConfigurationFile } from '../ConfigurationFile.js';

/** bounded-context.json: the Runtime's own microservice id (`boundedContext`); the tooling's other fields are ignored. */
export const boundedContextFile: ConfigurationFile<MicroserviceId> = {
    name: 'bounded-context.json',
    schemaName: 'bounded-context.schema.json',
    documentedAsRequired: false,
    defaultDescription: 'the microservice id f39b1f61-d360-4675-b859-53c05c87c0e6',
    defaultContent: {
        application: 'c6912245-892f-4eef-9c3e-7fd410268c40',
        boundedContext: MicroserviceId.development,
        boundedContextName: 'Development',
    },
    read: (content) => MicroserviceId.from((content as { readonly boundedContext: string }).boundedContext),
};
