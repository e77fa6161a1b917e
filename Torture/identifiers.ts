import { guidToUuid, type dolittle } from '@dolittle-typescript/protocol';

/** The fixed ids of a torture run: its tenants, event types, processors and aggregates. */
export const tortureIdentifiers = Object.freeze({
    microservice: 'f39b1f61-d360-4675-b859-53c05c87c0e6',
    tenants: Object.freeze(['445f8ea8-1a6f-40d7-b2fc-796dba92dc44', '7c1a5a7e-5b0c-4b6a-9f5e-3a2d1c0b9a88', 'b6b2a2f4-9c65-4d2e-8d8c-2f1e0a9b7c61']),
    /** Committed with Commit: handled by every consumer. */
    ordered: '1b5d2c6e-0b8f-4a1e-9a7c-2f0e6d1c3b4a',
    /** Committed with CommitForAggregate: handled by the partitioned handler. */
    aggregated: '8e4f3a2b-6c1d-4e5f-9a0b-7c8d9e0f1a2b',
    aggregateRoot: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
    unpartitionedHandler: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
    partitionedHandler: '3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e',
    projection: '4c5d6e7f-8a9b-4c0d-9e2f-3a4b5c6d7e8f',
    correlation: '868ff40f-a133-4d0f-bfdd-18d726181e01',
    emptyGuid: '00000000-0000-0000-0000-000000000000',
});

/** The execution context of a call for a tenant, as the SDK builds it. */
export function executionContextFor(tenant: string): dolittle.execution.ExecutionContext.$Properties {
    return {
        microserviceId: guidToUuid(tortureIdentifiers.microservice),
        tenantId: guidToUuid(tenant),
        version: { major: 0, minor: 0, patch: 0, build: 0, preReleaseString: '' },
        correlationId: guidToUuid(tortureIdentifiers.correlation),
        claims: [],
        environment: 'Development',
    };
}

/** The name of a tenant's event store database (its SQLite file name, or its PostgreSQL schema). */
export function storeNameOf(tenantIndex: number): string {
    return `torture_tenant_${tenantIndex}`;
}
