import { failure, type Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';

/** The Event Horizon's documented failure ids (seed 003, section 4.1.2, and the reference, section 8). */
export const eventHorizonFailureIds = {
    missingMicroserviceConfiguration: '9b74482a-8eaa-47ab-ac1c-53d704e4e77d' as Guid,
    didNotReceiveSubscriptionResponse: 'a1b791cf-b704-4eb8-9877-de918c36b948' as Guid,
    subscriptionCancelled: '2ed211ce-7f9b-4a9f-ae9d-973bfe8aaf2b' as Guid,
    missingConsent: 'be1ba4e6-81e3-49c4-bec2-6c7e262bfb77' as Guid,
    missingSubscriptionArguments: '3f88dfb6-93d6-40d3-9d28-8be149f9e02d' as Guid,
    couldNotConnectToProducerRuntime: '2e6b926a-a213-4175-a597-df64aee4a497' as Guid,
    errorHandlingEvent: 'af3ac513-0411-4e3e-adcf-581ef0227e67' as Guid,
} as const;

/** The Event Horizon's failures, each with its documented id and a reason naming what was wrong. */
export const eventHorizonFailures = {
    missingMicroserviceConfiguration: (microservice: Guid): Failure =>
        failure(eventHorizonFailureIds.missingMicroserviceConfiguration, `The producer microservice ${microservice} is not in microservices.json`),
    missingConsent: (reason: string): Failure => failure(eventHorizonFailureIds.missingConsent, reason),
    missingSubscriptionArguments: (reason: string): Failure => failure(eventHorizonFailureIds.missingSubscriptionArguments, reason),
    couldNotConnect: (address: string, reason: string): Failure =>
        failure(eventHorizonFailureIds.couldNotConnectToProducerRuntime, `Could not connect to the producer Runtime at ${address}: ${reason}`),
    subscriptionCancelled: (reason: string): Failure => failure(eventHorizonFailureIds.subscriptionCancelled, reason),
    errorHandlingEvent: (reason: string): Failure => failure(eventHorizonFailureIds.errorHandlingEvent, reason),
};
