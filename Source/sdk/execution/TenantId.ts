import type { GuidLike } from './Guid.js';
import { Identifier } from './Identifier.js';

/** Identifies a tenant: whose event store a call works on. */
export class TenantId extends Identifier {
    /** The development tenant that the Runtime's development defaults configure. */
    static readonly development = new TenantId('445f8ea8-1a6f-40d7-b2fc-796dba92dc44');
    /** The system tenant. */
    static readonly system = new TenantId('08831584-e016-42f6-bc5e-c6f0d50a9f56');
    /** The tenant of calls made before any tenant is known. */
    static readonly unknown = new TenantId('762a4bd5-0b39-4d8a-9f36-a86d4e8a6a5d');

    private constructor(value: GuidLike) {
        super('TenantId', value);
    }

    /** Reads a tenant id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): TenantId {
        return value instanceof TenantId ? value : new TenantId(value);
    }
}
