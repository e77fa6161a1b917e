import { parseGuid, type Guid } from '../guids/index.js';

/** The id of a tenant: every call's data belongs to exactly one. */
export type TenantId = Guid & { readonly __tenant: unique symbol };

/** Tenant ids with a documented meaning. */
export const TenantId = {
    /** The tenant of the development defaults. */
    development: '445f8ea8-1a6f-40d7-b2fc-796dba92dc44' as TenantId,
    /** The tenant the SDK's base execution context uses. */
    system: '08831584-e016-42f6-bc5e-c4f098fed42b' as TenantId,
    /** Parses a tenant id from text. */
    from(value: unknown): TenantId {
        return parseGuid(value, 'Tenant id') as TenantId;
    },
};
