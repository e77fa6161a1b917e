import { guidToUuid, type dolittle } from '@dolittle-typescript/protocol';

/** The fixed ids of a torture run: its tenants, event types, processors and aggregates. */
export const tortureIdentifiers = Object.freeze({
    application: 'c6912245-892f-4eef-9c3e-7fd410268c40',
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
    /** The public filter that puts every public event of a tenant into one partition of its public stream. */
    publicFilter: '5d6e7f8a-9b0c-4d1e-8f3a-4b5c6d7e8f90',
    publicPartition: '6e7f8a9b-0c1d-4e2f-9a4b-5c6d7e8f9a01',
    /** The microservice whose Runtime subscribes over the Event Horizon, and the scope its received events land in. */
    consumerMicroservice: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
    consumerScope: '7f8a9b0c-1d2e-4f3a-8b5c-6d7e8f9a0b12',
    /** The consent the producer tenant gives the consumer tenant of the same id (the tenant's index is its last digit). */
    consentPrefix: '0e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3',
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

/** The name of a tenant's event store database in the Event Horizon consumer's Runtime. */
export function consumerStoreNameOf(tenantIndex: number): string {
    return `torture_consumer_${tenantIndex}`;
}

/** The consent id the producer gives for a tenant's subscription. */
export function consentOf(tenantIndex: number): string {
    return `${tortureIdentifiers.consentPrefix}${tenantIndex}`;
}
