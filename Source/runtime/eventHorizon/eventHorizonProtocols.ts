import { guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import type { Guid } from '../guids/index.js';
import type { ReverseCallClientProtocol, ReverseCallProtocol } from '../reverseCalls/index.js';
import { eventHorizonFailureIds } from './failures.js';

type Wire = typeof dolittle.runtime.eventhorizon;
/** A message from the consumer Runtime, as the producer reads it. */
export type ConsumerMessage = InstanceType<Wire['EventHorizonConsumerToProducerMessage']>;
type ConsumerMessageProperties = dolittle.runtime.eventhorizon.EventHorizonConsumerToProducerMessage.$Properties;
type ProducerMessage = InstanceType<Wire['EventHorizonProducerToConsumerMessage']>;
/** A message from the producer Runtime, as it writes it. */
export type ProducerMessageProperties = dolittle.runtime.eventhorizon.EventHorizonProducerToConsumerMessage.$Properties;

/** What a consumer asks of a producer: the producer tenant, public stream, partition and position. */
export type SubscriptionRequest = dolittle.runtime.eventhorizon.ConsumerSubscriptionRequest;
/** What a consumer asks for, as written. */
export type SubscriptionRequestProperties = Omit<dolittle.runtime.eventhorizon.ConsumerSubscriptionRequest.$Properties, 'callContext'>;
/** One event the producer sends, with its position in the public stream. */
export type EventRequest = dolittle.runtime.eventhorizon.ConsumerRequest;
/** The consumer's answer to one event. */
export type EventResponse = dolittle.runtime.eventhorizon.ConsumerResponse;
/** The producer's answer to a subscription: a failure, or the consent id. */
export type SubscriptionAnswer = dolittle.runtime.eventhorizon.SubscriptionResponse;

/**
 * The producer side of `Consumer/Subscribe`: the consumer Runtime is the client. A refusal is written as a connect
 * response carrying the failure (what a consuming Runtime reads, ours and the original), and acceptance carries the
 * consent id.
 */
export const producerProtocol: ReverseCallProtocol<
    ConsumerMessage,
    ProducerMessageProperties,
    SubscriptionRequest,
    dolittle.runtime.eventhorizon.ConsumerRequest.$Properties,
    EventResponse,
    Guid
> = {
    kind: 'EventHorizon',
    connectFailureId: eventHorizonFailureIds.missingSubscriptionArguments,
    rejectsWith: 'connectResponse',
    connectArgumentsOf: (message) => message.subscriptionRequest as SubscriptionRequest | null | undefined,
    argumentsContextOf: (request) => request.callContext,
    responseOf: (message) => message.response as EventResponse | null | undefined,
    responseContextOf: (response) => response.callContext,
    connectResponse: (failure, consent) => ({ subscriptionResponse: failure === undefined ? { consentId: guidToUuid(consent ?? '') } : { failure } }),
    request: (request, callContext) => ({ request: { ...request, callContext } }),
    ping: () => ({ ping: {} }),
};

/** The consumer side of `Consumer/Subscribe`: this Runtime is the client of the producer's Runtime. */
export const consumerProtocol: ReverseCallClientProtocol<
    ConsumerMessageProperties,
    ProducerMessage,
    SubscriptionRequestProperties,
    SubscriptionAnswer,
    EventRequest,
    dolittle.runtime.eventhorizon.ConsumerResponse.$Properties
> = {
    kind: 'EventHorizon',
    connect: (request, callContext) => ({ subscriptionRequest: { ...request, callContext } }),
    connectResponseOf: (message) => message.subscriptionResponse as SubscriptionAnswer | null | undefined,
    requestOf: (message) => message.request as EventRequest | null | undefined,
    requestContextOf: (request) => request.callContext,
    isPing: (message) => message.ping !== null && message.ping !== undefined,
    pong: () => ({ pong: {} }),
    response: (response, callContext) => ({ response: { ...response, callContext } }),
};
