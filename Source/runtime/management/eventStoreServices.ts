import type * as grpc from '@grpc/grpc-js';
import {
    managementAggregatesService,
    managementEventLogService,
    managementEventTypesService,
    managementSubscriptionsService,
    managementTenantsService,
    type dolittle,
} from '@dolittle-typescript/protocol';
import type { SubscriptionReport } from '../eventHorizon/index.js';
import type { CommittedEvent } from '../eventStore/index.js';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { eventLogSource } from '../streams/index.js';
import type { Tenants } from '../tenancy/index.js';
import { failureToWire } from '../wire/index.js';
import { answerManagementCall, failureFor, guidField, tenantOf, tenantsOf, type ManagementService } from './managementCall.js';

type Management = typeof dolittle.runtime.management;
type ManagedEvent = dolittle.runtime.management.ManagedEvent.$Properties;
type TailResponse = dolittle.runtime.management.TailResponse.$Properties;
type SubscriptionStatus = dolittle.runtime.management.SubscriptionStatus.$Properties;

/** What the Event Horizon tells the management API about its consumer subscriptions. */
export type SubscriptionsView = {
    /** The subscriptions of the given consumer tenants, with their state. */
    subscriptionsOf(tenants: ReadonlyArray<Guid>): Promise<ReadonlyArray<SubscriptionReport>>;
};

/** No Event Horizon subscriptions: for tools and tests that run the management services without a consumer. */
export const noSubscriptions: SubscriptionsView = { subscriptionsOf: () => Promise.resolve([]) };

/** How many events the tail reads at a time. */
const tailBatch = 500;
/** How long the tail waits for a commit before it looks again, should a wake-up be missed. */
const tailPollFallback = 30_000;

/**
 * The management views of the tenants' event stores: tenants, event types seen, aggregate roots with their instances
 * and events, a live tail of an event log, and the Event Horizon subscriptions (from `subscriptions`).
 */
export function eventStoreServicesFor(tenants: Tenants, subscriptions: SubscriptionsView, logger: Logger): ReadonlyArray<ManagementService> {
    const getTenants = async (): Promise<dolittle.runtime.management.GetTenantsResponse.$Properties> => ({
        tenants: await Promise.all(
            tenants.all.map(async (tenant) => ({ tenantId: tenant.id, store: tenant.storage.description, eventLogHead: await tenant.eventStore.nextSequenceNumber() })),
        ),
    });

    const getEventTypes = async (request: InstanceType<Management['GetEventTypesRequest']>): Promise<dolittle.runtime.management.GetEventTypesResponse.$Properties> => {
        const tenant = tenantOf(tenants, request.tenantId);
        const types = await tenant.storage.eventLog.eventTypes(guidField('', 'scopeId'));
        return { eventTypes: types.map((type) => ({ eventTypeId: type.type, generation: type.generation, events: type.events, lastOccurred: type.lastOccurred })) };
    };

    const getAggregates = async (request: InstanceType<Management['GetAggregateRootsRequest']>): Promise<dolittle.runtime.management.GetAggregateRootsResponse.$Properties> => {
        const tenant = tenantOf(tenants, request.tenantId);
        const root = request.aggregateRootId === '' ? undefined : guidField(request.aggregateRootId, 'aggregateRootId');
        const instances = await tenant.storage.eventLog.aggregates(root);
        const roots = new Map<string, { eventSourceId: string; version: number }[]>();
        for (const instance of instances) {
            const list = roots.get(instance.aggregateRootId) ?? [];
            list.push({ eventSourceId: instance.eventSourceId, version: instance.version });
            roots.set(instance.aggregateRootId, list);
        }
        return { aggregateRoots: [...roots].map(([aggregateRootId, list]) => ({ aggregateRootId, instances: list })) };
    };

    const getAggregateEvents = async (request: InstanceType<Management['GetAggregateEventsRequest']>): Promise<dolittle.runtime.management.GetAggregateEventsResponse.$Properties> => {
        const tenant = tenantOf(tenants, request.tenantId);
        const aggregateRootId = guidField(request.aggregateRootId, 'aggregateRootId');
        const eventSourceId = guidField(request.eventSourceId, 'eventSourceId');
        const aggregate = await tenant.storage.eventLog.fetchForAggregate({ eventSourceId, aggregateRootId });
        return { version: aggregate.version, events: aggregate.events.map(managedEvent) };
    };

    const tail = (call: grpc.ServerWritableStream<InstanceType<Management['TailRequest']>, TailResponse>): void => {
        const abort = new AbortController();
        call.on('cancelled', () => abort.abort());
        call.on('close', () => abort.abort());
        followEventLog(call, abort.signal).then(
            () => call.end(),
            (error: unknown) => {
                if (!abort.signal.aborted) {
                    call.write({ failure: failureToWire(failureFor('EventLog.Tail', call.getPeer(), error, logger)) });
                }
                call.end();
            },
        );
    };

    const followEventLog = async (call: grpc.ServerWritableStream<InstanceType<Management['TailRequest']>, TailResponse>, signal: AbortSignal): Promise<void> => {
        const request = call.request;
        const tenant = tenantOf(tenants, request.tenantId);
        const scope = guidField(request.scopeId, 'scopeId');
        const source = eventLogSource(scope);
        const head = await tenant.storage.eventLog.nextSequenceNumber(scope);
        let next = request.fromEnd ? Math.max(0, head - request.last) : Number(request.fromSequenceNumber);
        while (!signal.aborted) {
            const version = tenant.changes.version(source);
            const events = await tenant.storage.eventLog.read(scope, next, tailBatch);
            for (const event of events) {
                if (signal.aborted) {
                    return;
                }
                if (!call.write({ event: managedEvent(event) })) {
                    await new Promise<void>((resolve) => {
                        call.once('drain', resolve);
                        signal.addEventListener('abort', () => resolve(), { once: true });
                    });
                }
                next = event.sequenceNumber + 1;
            }
            if (events.length < tailBatch) {
                await tenant.changes.waitForChange(source, version, tailPollFallback, signal);
            }
        }
    };

    const getSubscriptions = async (request: InstanceType<Management['GetSubscriptionsRequest']>): Promise<dolittle.runtime.management.GetSubscriptionsResponse.$Properties> => ({
        subscriptions: (await subscriptions.subscriptionsOf(tenantsOf(tenants, request.tenantId).map((tenant) => tenant.id))).map(subscriptionStatus),
    });

    return [
        { definition: managementTenantsService, implementation: { getAll: answerManagementCall('Tenants.GetAll', getTenants, logger) } },
        { definition: managementEventTypesService, implementation: { getAll: answerManagementCall('EventTypes.GetAll', getEventTypes, logger) } },
        {
            definition: managementAggregatesService,
            implementation: {
                getAll: answerManagementCall('Aggregates.GetAll', getAggregates, logger),
                getEvents: answerManagementCall('Aggregates.GetEvents', getAggregateEvents, logger),
            },
        },
        { definition: managementEventLogService, implementation: { tail } },
        { definition: managementSubscriptionsService, implementation: { getAll: answerManagementCall('Subscriptions.GetAll', getSubscriptions, logger) } },
    ];
}

function managedEvent(event: CommittedEvent): ManagedEvent {
    return {
        sequenceNumber: event.sequenceNumber,
        eventSourceId: event.eventSourceId,
        eventTypeId: event.type.id,
        generation: event.type.generation,
        public: event.public,
        occurred: event.occurred,
        content: event.content,
        aggregateRootId: event.aggregate?.aggregateRootId ?? '',
        aggregateVersion: event.aggregate?.version ?? 0,
    };
}

function subscriptionStatus(report: SubscriptionReport): SubscriptionStatus {
    const { key, state } = report;
    return {
        consumerTenantId: report.consumerTenant,
        producerMicroserviceId: key.producerMicroservice,
        producerTenantId: key.producerTenant,
        publicStreamId: key.stream,
        partitionId: key.partition,
        scopeId: key.scope,
        state: state.kind,
        position: report.position,
        lastReceived: report.lastReceived ?? 0,
        ...(state.kind === 'connected' ? { consentId: state.consent, connectedSince: state.since } : {}),
        ...(state.kind === 'refused' || state.kind === 'backingOff'
            ? { failureId: state.failure.id, reason: state.failure.reason, nextAttempt: Math.round(state.nextAttempt) }
            : {}),
    };
}
