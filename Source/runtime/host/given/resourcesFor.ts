import type { TestBackend } from './TestBackend.js';

/**
 * Builds resources.json for a backend: the documented MongoDB shape (one database per tenant, mapped onto the embedded
 * store) for `embedded`, and one schema per tenant for `postgres`. The suffix keeps schemas apart when one database
 * serves several Runtimes of a test file.
 */
export function resourcesFor(backend: TestBackend, tenants: ReadonlyArray<string>, suffix: string): Record<string, unknown> {
    const resources: Record<string, unknown> = {};
    tenants.forEach((tenant, index) => {
        resources[tenant] = backend.kind === 'embedded'
            ? { eventStore: { servers: ['localhost'], database: `event_store_${index}` } }
            : { eventStore: { postgres: { connectionString: backend.connectionString, schema: `tenant_${index}_${suffix}` } } };
    });
    return resources;
}
