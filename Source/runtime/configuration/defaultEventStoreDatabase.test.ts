import { describe, expect, it } from 'vitest';
import { TenantId } from '../tenancy/index.js';
import { defaultEventStoreDatabase } from './defaultEventStoreDatabase.js';

describe('when choosing the default database of a tenant', () => {
    it('uses event_store for the development tenant', () => expect(defaultEventStoreDatabase(TenantId.development)).toBe('event_store'));
    it("uses event_store_ and the first 8 digits of another tenant's id", () => {
        expect(defaultEventStoreDatabase(TenantId.from('2f3e4d5c-1a6f-40d7-b2fc-796dba92dc44'))).toBe('event_store_2f3e4d5c');
    });
});
