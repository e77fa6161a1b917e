import { eventHorizonSubscriptionsService, guidToUuid, uuidToGuid } from '@dolittle-typescript/protocol';
import * as grpc from '@grpc/grpc-js';
import { executionContextToWire } from '../../wire/index.js';
import { developmentTenant } from '../../host/given/developmentTenant.js';
import type { Guid } from '../../guids/index.js';
import { consumerMicroservice, producerMicroservice } from './twoMicroservices.js';

/** What a head asks its Runtime to subscribe to; the development tenants and the test microservices unless told. */
export type DirectSubscription = {
    readonly stream: string;
    readonly partition: string;
    readonly scope: string;
    readonly producerTenant?: string;
    readonly producerMicroservice?: string;
    readonly consumerTenant?: string;
};

/** The Runtime's answer: the consent id, or the failure id and reason. */
export type DirectAnswer = { readonly consent?: string; readonly failureId?: string; readonly reason?: string };

/**
 * Calls `Subscriptions/Subscribe` on a consumer Runtime's private port as a head does, once (SDK 17 retries failures
 * every 5 s and reports them only in its log, and cancelling it then throws an unhandled error).
 */
export function subscribeDirectly(privatePort: number, subscription: DirectSubscription): Promise<DirectAnswer> {
    const client = new grpc.Client(`127.0.0.1:${privatePort}`, grpc.credentials.createInsecure());
    const method = eventHorizonSubscriptionsService.subscribe;
    const request = {
        callContext: {
            executionContext: executionContextToWire({
                microserviceId: consumerMicroservice as Guid,
                tenantId: (subscription.consumerTenant ?? developmentTenant) as Guid,
                version: { major: 1, minor: 0, patch: 0, build: 0, preRelease: '' },
                correlationId: '4f7c3c4e-5d2b-4a4e-9d8e-3b8b5f0c1a21' as Guid,
                claims: [],
                environment: 'Test',
            }),
            headId: guidToUuid('d1b6a58c-7f3e-4b0a-9c2d-4e5f60718293'),
        },
        microserviceId: guidToUuid(subscription.producerMicroservice ?? producerMicroservice),
        tenantId: guidToUuid(subscription.producerTenant ?? developmentTenant),
        streamId: guidToUuid(subscription.stream),
        partitionId: guidToUuid(subscription.partition),
        scopeId: guidToUuid(subscription.scope),
    };
    return new Promise((resolve, reject) => {
        client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, { deadline: Date.now() + 60_000 }, (error, response) => {
            client.close();
            if (error !== null || response === undefined) {
                reject(error ?? new Error('no response'));
                return;
            }
            resolve(response.failure === null || response.failure === undefined
                ? { consent: uuidToGuid(response.consentId) }
                : { failureId: uuidToGuid(response.failure.id), reason: response.failure.reason ?? '' });
        });
    });
}
