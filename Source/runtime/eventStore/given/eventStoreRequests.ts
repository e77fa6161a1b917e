import { guidToUuid } from '@dolittle-typescript/protocol';
import type { Guid } from '../../guids/index.js';

/** An event type the requests use. */
export const requestEventType = '9f2a1c3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b' as Guid;

/** A call context on the wire for a tenant, as an SDK sends it. */
export function callContextFor(tenant: Guid) {
    return {
        executionContext: {
            microserviceId: guidToUuid('f39b1f61-d360-4675-b859-53c05c87c0e6'),
            tenantId: guidToUuid(tenant),
            version: { major: 1, minor: 0, patch: 0, build: 0, preReleaseString: '' },
            correlationId: guidToUuid('00000000-0000-4000-8000-000000000001'),
            claims: [],
            environment: 'Development',
        },
    };
}

/** An uncommitted event on the wire with the given JSON content. */
export function anEventOnTheWire(content: string, eventSource: Guid) {
    return { artifact: { id: guidToUuid(requestEventType), generation: 1 }, eventSourceId: guidToUuid(eventSource), public: false, content };
}

/** A Commit request for one tenant. */
export function aCommitRequest(tenant: Guid, eventSource: Guid, contents: ReadonlyArray<string>) {
    return { callContext: callContextFor(tenant), events: contents.map((content) => anEventOnTheWire(content, eventSource)) };
}

/** A CommitForAggregate request for one tenant. */
export function aCommitForAggregateRequest(tenant: Guid, aggregate: { readonly eventSource: Guid; readonly aggregateRoot: Guid; readonly expectedVersion: number }, contents: ReadonlyArray<string>) {
    return {
        callContext: callContextFor(tenant),
        events: {
            aggregateRootId: guidToUuid(aggregate.aggregateRoot),
            eventSourceId: guidToUuid(aggregate.eventSource),
            expectedAggregateRootVersion: aggregate.expectedVersion,
            events: contents.map((content) => anEventOnTheWire(content, aggregate.eventSource)),
        },
    };
}

/** A FetchForAggregate request for one tenant. */
export function aFetchForAggregateRequest(tenant: Guid, aggregate: { readonly eventSource: Guid; readonly aggregateRoot: Guid }) {
    return { callContext: callContextFor(tenant), aggregate: { eventSourceId: guidToUuid(aggregate.eventSource), aggregateRootId: guidToUuid(aggregate.aggregateRoot) } };
}
