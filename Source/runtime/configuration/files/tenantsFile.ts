import { TenantId } from '../../tenancy/index.js';
import type { ConfigurationFile } from '../ConfigurationFile.js';
import { guidEntries } from './guidEntries.js';

/** tenants.json: the tenants the Runtime serves, in the file's order. */
export const tenantsFile: ConfigurationFile<ReadonlyArray<TenantId>> = {
    name: 'tenants.json',
    schemaName: 'tenants.schema.json',
    documentedAsRequired: true,
    defaultDescription: 'the development tenant 445f8ea8-1a6f-40d7-b2fc-796dba92dc44 only',
    defaultContent: { [TenantId.development]: {} },
    read: (content, report) => guidEntries(content, report).map((entry) => TenantId.from(entry.id)),
};
