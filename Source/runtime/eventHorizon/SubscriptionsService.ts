import { eventHorizonSubscriptionsService, guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import type * as grpc from '@grpc/grpc-js';
import type { MicroserviceAddress } from '../configuration/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { otherFailure, type Failure } from '../failures/index.js';
import type { Logger } from '../logging/index.js';
import type { EventHorizonMetrics } from '../metrics/index.js';
import type { Tenants } from '../tenancy/index.js';
import { executionContextFromWire, failureToWire, guidFromWire, RequestIsMalformed } from '../wire/index.js';
import { eventHorizonFailures } from './failures.js';
import { eventHorizonLogMessages as messages } from './logMessages.js';
import { ScopedEventLogWriters } from './ScopedEventLogWriter.js';
import { Subscription, type BackOff, type SubscriptionState } from './Subscription.js';
import { subscriptionKeyText, type SubscriptionKey } from './SubscriptionKey.js';

type Response = dolittle.runtime.eventhorizon.SubscriptionResponse.$Properties;

/** What the consumer side needs: the tenants, where the producers are, and how to connect to them. */
export type ConsumerContext = {
    readonly tenants: Tenants;
    readonly microservices: ReadonlyMap<Guid, MicroserviceAddress>;
    readonly logger: Logger;
    readonly metrics: EventHorizonMetrics;
    readonly backOff?: BackOff;
    readonly pingInterval?: number;
};

/** The Subscriptions service and how to stop every subscription it started. */
export type SubscriptionsService = {
    readonly definition: grpc.ServiceDefinition;
    readonly implementation: grpc.UntypedServiceImplementation;
    /** The subscriptions of the given consumer tenants: those started since the Runtime started, and those stored. */
    subscriptionsOf(tenants: ReadonlyArray<Guid>): Promise<ReadonlyArray<SubscriptionReport>>;
    /** Ends every subscription's connection and its reconnecting. */
    stop(): Promise<void>;
};

/**
 * One subscription of a consumer tenant as the management API shows it: its state (`notSubscribed` when it is stored
 * but no head has asked for it since the Runtime started), its stored position, and when it last received events
 * (as stored; missing when it has received nothing yet).
 */
export type SubscriptionReport = {
    readonly consumerTenant: Guid;
    readonly key: SubscriptionKey;
    readonly state: SubscriptionState | { readonly kind: 'notSubscribed' };
    readonly position: number;
    readonly lastReceived?: number;
};

const answered = (failure: Failure): Response => ({ failure: failureToWire(failure) });

/**
 * The `dolittle.runtime.eventhorizon.Subscriptions` service on the private port: a head asks its Runtime to subscribe
 * a consumer tenant to a partition of a producer's public stream, into a scope. The first request starts the
 * subscription (which then connects for ever); every request is answered with the outcome of the current connection,
 * or of the next attempt: the consent id, or the failure (the producer's, or why it could not be reached).
 */
export function eventHorizonSubscriptionsServiceFor(context: ConsumerContext): SubscriptionsService {
    const { tenants, microservices, logger } = context;
    const subscriptions = new Map<string, Subscription>();
    const writers = new ScopedEventLogWriters();
    let stopping = false;

    const subscribe = async (request: dolittle.runtime.eventhorizon.Subscription): Promise<Response> => {
        const executionContext = executionContextFromWire(request.callContext?.executionContext, 'callContext.executionContext');
        const key: SubscriptionKey = {
            producerMicroservice: guidFromWire(request.microserviceId, 'microserviceId'),
            producerTenant: guidFromWire(request.tenantId, 'tenantId'),
            stream: guidFromWire(request.streamId, 'streamId'),
            partition: guidFromWire(request.partitionId, 'partitionId'),
            scope: guidFromWire(request.scopeId, 'scopeId'),
        };
        const consumerTenant = executionContext.tenantId;
        const requestLogger = logger.withBindings({ consumerTenant, ...key });
        requestLogger.log(messages.subscriptionRequested);
        const refuse = (failure: Failure): Response => {
            requestLogger.log(messages.subscriptionRefused, { failureId: failure.id, reason: failure.reason });
            return answered(failure);
        };
        const tenant = tenants.get(consumerTenant);
        if (tenant === undefined) {
            return refuse(otherFailure(`The consumer tenant ${consumerTenant} (callContext.executionContext.tenantId) is not in tenants.json`));
        }
        if (key.scope === emptyGuid) {
            return refuse(otherFailure('Events from the Event Horizon are received into a scope of their own: scopeId must not be the default scope (the empty GUID)'));
        }
        const producer = microservices.get(key.producerMicroservice);
        if (producer === undefined) {
            return refuse(eventHorizonFailures.missingMicroserviceConfiguration(key.producerMicroservice));
        }
        if (stopping) {
            return refuse(eventHorizonFailures.subscriptionCancelled('The Runtime is stopping'));
        }
        const id = `${consumerTenant}/${subscriptionKeyText(key)}`;
        let subscription = subscriptions.get(id);
        if (subscription === undefined) {
            const writer = writers.for(consumerTenant, key.scope, () => ({
                nextSequenceNumber: () => tenant.storage.eventLog.nextSequenceNumber(key.scope),
                subscriptions: tenant.storage.subscriptions,
                written: (events) => tenant.eventStore.announce(key.scope, events),
            }));
            subscription = new Subscription({
                key,
                tenant,
                executionContext: { ...executionContext, claims: [] },
                producer,
                writer,
                logger: logger.withBindings({ consumerTenant, ...key }),
                metrics: context.metrics,
                ...(context.backOff === undefined ? {} : { backOff: context.backOff }),
                ...(context.pingInterval === undefined ? {} : { pingInterval: context.pingInterval }),
            });
            subscriptions.set(id, subscription);
            subscription.start();
        }
        const outcome = await subscription.outcome();
        return 'consent' in outcome ? { consentId: guidToUuid(outcome.consent) } : refuse(outcome.failure);
    };

    const handler = (call: grpc.ServerUnaryCall<dolittle.runtime.eventhorizon.Subscription, Response>, callback: grpc.sendUnaryData<Response>): void => {
        subscribe(call.request).then(
            (response) => callback(null, response),
            (error: unknown) => {
                if (error instanceof RequestIsMalformed) {
                    callback(null, answered(otherFailure(error.message)));
                    return;
                }
                logger.log(messages.subscriptionRefused, { error: error instanceof Error ? error.stack ?? error.message : String(error) });
                callback(null, answered(otherFailure('InternalServerError')));
            },
        );
    };

    const reportsOf = async (consumerTenant: Guid): Promise<ReadonlyArray<SubscriptionReport>> => {
        const tenant = tenants.get(consumerTenant);
        const stored = tenant === undefined ? [] : await tenant.storage.subscriptions.all();
        const storedByKey = new Map(stored.map((found) => [subscriptionKeyText(found.key), found]));
        const running = [...subscriptions.values()].filter((subscription) => subscription.consumerTenant === consumerTenant);
        const runningKeys = new Set(running.map((subscription) => subscriptionKeyText(subscription.key)));
        return [
            ...running.map((subscription): SubscriptionReport => ({
                position: 0,
                ...storedByKey.get(subscriptionKeyText(subscription.key)),
                consumerTenant,
                key: subscription.key,
                state: subscription.state,
            })),
            ...stored
                .filter(({ key }) => !runningKeys.has(subscriptionKeyText(key)))
                .map((found): SubscriptionReport => ({ ...found, consumerTenant, state: { kind: 'notSubscribed' } })),
        ];
    };

    return {
        definition: eventHorizonSubscriptionsService,
        implementation: { subscribe: handler },
        subscriptionsOf: async (consumerTenants) => (await Promise.all(consumerTenants.map(reportsOf))).flat(),
        stop: async () => {
            stopping = true;
            await Promise.all([...subscriptions.values()].map((subscription) => subscription.stop()));
        },
    };
}
