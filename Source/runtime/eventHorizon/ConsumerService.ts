import { eventHorizonConsumerService, uuidToGuid } from '@dolittle-typescript/protocol';
import type * as grpc from '@grpc/grpc-js';
import type { EventHorizonConsent } from '../configuration/index.js';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { connectReverseCall, type ReverseCallLifetimes } from '../reverseCalls/index.js';
import type { Tenants } from '../tenancy/index.js';
import { guidFromWire } from '../wire/index.js';
import { producerProtocol, type ConsumerMessage, type ProducerMessageProperties } from './eventHorizonProtocols.js';
import { eventHorizonFailures } from './failures.js';
import { findConsent } from './findConsent.js';
import { eventHorizonLogMessages as messages } from './logMessages.js';
import { streamPublicPartition } from './streamPublicPartition.js';

/** What the producer side needs: the tenants, their consents, the reverse-call lifetimes and a logger. */
export type ProducerContext = {
    readonly tenants: Tenants;
    readonly consents: ReadonlyMap<Guid, ReadonlyArray<EventHorizonConsent>>;
    readonly lifetimes: ReverseCallLifetimes;
    readonly logger: Logger;
};

/**
 * The `dolittle.runtime.eventhorizon.Consumer` service on the public port: a consumer Runtime subscribes to one
 * partition of a public stream of a producer tenant; with exactly one matching consent it is accepted with the consent
 * id and receives the partition's events from the position it asked for; otherwise it is answered MissingConsent.
 */
export function eventHorizonConsumerServiceFor(context: ProducerContext) {
    const { tenants, consents, lifetimes, logger } = context;
    const serve = async (call: grpc.ServerDuplexStream<ConsumerMessage, ProducerMessageProperties>): Promise<void> => {
        const connection = await connectReverseCall(call, producerProtocol, lifetimes.signal, logger.forCategory('reverseCalls'));
        if (connection === undefined) {
            return;
        }
        const request = connection.connectArguments;
        let asked;
        try {
            asked = {
                producerTenant: guidFromWire(request.tenantId, 'tenantId'),
                stream: guidFromWire(request.streamId, 'streamId'),
                partition: guidFromWire(request.partitionId, 'partitionId'),
                consumerMicroservice: connection.executionContext.microserviceId,
                consumerTenant: connection.executionContext.tenantId,
            };
        } catch (error) {
            const failure = eventHorizonFailures.missingSubscriptionArguments(`The subscription request is malformed: ${error instanceof Error ? error.message : String(error)}`);
            logger.log(messages.consumerRefused, { failureId: failure.id, reason: failure.reason });
            connection.reject(failure);
            return;
        }
        const fromPosition = Number(request.streamPosition ?? 0);
        const subscriptionLogger = logger.withBindings({ ...asked, fromPosition });
        const tenant = tenants.get(asked.producerTenant);
        const consent = tenant === undefined ? undefined : findConsent(consents, asked);
        if (tenant === undefined || consent === undefined) {
            const failure = eventHorizonFailures.missingConsent(tenant === undefined
                ? `There are no consents configured for Producer Tenant ${asked.producerTenant}: it is not a tenant of this Runtime`
                : `Producer Tenant ${asked.producerTenant} gives no consent to consumer microservice ${asked.consumerMicroservice} tenant ${asked.consumerTenant} for partition ${asked.partition} of public stream ${asked.stream}`);
            subscriptionLogger.log(messages.consumerRefused, { failureId: failure.id, reason: failure.reason });
            connection.reject(failure);
            return;
        }
        connection.accept(consent.consent);
        subscriptionLogger.log(messages.consumerAccepted, { consent: consent.consent });
        try {
            const end = await streamPublicPartition(connection, { tenant, stream: asked.stream, partition: asked.partition, fromPosition, executionContext: connection.executionContext });
            if (end.kind === 'failed') {
                subscriptionLogger.log(messages.consumerAnsweredFailure, { position: end.position, failureId: safeGuid(end.failure.id), reason: end.failure.reason ?? '' });
                connection.close(`the consumer answered the event at position ${end.position} with a failure`);
                return;
            }
            subscriptionLogger.log(messages.consumerGone, { detail: (await connection.ended).detail });
        } catch (error) {
            subscriptionLogger.log(messages.streamingFailed, { error: error instanceof Error ? error.stack ?? error.message : String(error) });
            connection.close('the producer could not read its public stream');
        }
    };
    return {
        definition: eventHorizonConsumerService,
        implementation: { subscribe: (call: grpc.ServerDuplexStream<ConsumerMessage, ProducerMessageProperties>) => lifetimes.track(serve(call)) },
    };
}

function safeGuid(uuid: Parameters<typeof uuidToGuid>[0]): string {
    try {
        return uuidToGuid(uuid);
    } catch {
        return 'malformed';
    }
}
