import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentTenant } from '../host/given/developmentTenant.js';
import { printLogsOnFailure } from '../host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../host/given/RuntimeUnderTest.js';
import { waitUntil } from '../host/given/waitUntil.js';
import { openRawConsumerCall, refusalOf, subscriptionRequestBytes, type RawCall } from './given/rawConsumer.js';
import { subscribeDirectly } from './given/subscribeDirectly.js';
import { consentFor, consumerStore, startConsumer, startProducer } from './given/twoMicroservices.js';

const failureIds = {
    missingConsent: 'be1ba4e6-81e3-49c4-bec2-6c7e262bfb77',
    missingSubscriptionArguments: '3f88dfb6-93d6-40d3-9d28-8be149f9e02d',
    missingMicroserviceConfiguration: '9b74482a-8eaa-47ab-ac1c-53d704e4e77d',
    other: '05cc1d10-4efc-457b-84a6-a1be0a5f36ba',
};
const backend = { kind: 'embedded' } as const;

describe('when Event Horizon calls carry bad input', () => {
    let producer: RuntimeUnderTest | undefined;
    let consumer: RuntimeUnderTest | undefined;
    const [stream, partition] = [randomUUID(), randomUUID()];
    const calls: RawCall[] = [];
    printLogsOnFailure(() => producer);
    printLogsOnFailure(() => consumer);

    beforeAll(async () => {
        producer = await startProducer(backend, [consentFor(stream, partition)]);
        consumer = await startConsumer(backend, producer, consumerStore(backend));
    }, 60_000);
    afterAll(async () => {
        calls.forEach((call) => call.cancel());
        await consumer?.dispose();
        await producer?.dispose();
    });
    const open = (first: Uint8Array) => {
        const call = openRawConsumerCall(producer!.publicPort, first);
        calls.push(call);
        return call;
    };

    it('answers a subscription to an unknown producer tenant with MissingConsent naming the tenant', async () => {
        const unknownTenant = randomUUID();
        const answer = await subscribeDirectly(consumer!.privatePort, { stream, partition, scope: randomUUID(), producerTenant: unknownTenant });
        expect([answer.failureId, answer.reason]).toEqual([failureIds.missingConsent, `There are no consents configured for Producer Tenant ${unknownTenant}: it is not a tenant of this Runtime`]);
    });
    it('answers a subscription to a producer missing from microservices.json with MissingMicroserviceConfiguration', async () => {
        const unknownMicroservice = randomUUID();
        const answer = await subscribeDirectly(consumer!.privatePort, { stream, partition, scope: randomUUID(), producerMicroservice: unknownMicroservice });
        expect([answer.failureId, answer.reason]).toEqual([failureIds.missingMicroserviceConfiguration, `The producer microservice ${unknownMicroservice} is not in microservices.json`]);
    });
    it('refuses a subscription into the default scope, naming scopeId', async () => {
        const answer = await subscribeDirectly(consumer!.privatePort, { stream, partition, scope: '00000000-0000-0000-0000-000000000000' });
        expect([answer.failureId, answer.reason]).toEqual([failureIds.other, expect.stringContaining('scopeId must not be the default scope')]);
    });
    it('refuses a subscription for a consumer tenant the consumer does not have, naming it', async () => {
        const unknownTenant = randomUUID();
        const answer = await subscribeDirectly(consumer!.privatePort, { stream, partition, scope: randomUUID(), consumerTenant: unknownTenant });
        expect([answer.failureId, answer.reason]).toEqual([failureIds.other, `The consumer tenant ${unknownTenant} (callContext.executionContext.tenantId) is not in tenants.json`]);
    });
    it('ends a call whose first message is not a protobuf message with an error status, and nothing else', async () => {
        const call = open(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
        await waitUntil(() => call.status !== undefined, 'the producer ended the call');
        expect([call.status?.code === status.OK, call.messages.length]).toEqual([false, 0]);
    });
    it('answers a first message that is not the subscription request with MissingSubscriptionArguments', async () => {
        const call = open(new Uint8Array(0));
        call.write({ response: { callContext: { callId: { value: new Uint8Array(16) } } } });
        await waitUntil(() => call.status !== undefined, 'the producer ended the call');
        expect([refusalOf(call)?.id, refusalOf(call)?.reason, call.status?.code]).toEqual([failureIds.missingSubscriptionArguments, 'Connection arguments were not received: the first message was a response', status.OK]);
    });
    it('drops a consumer that never answers a ping, after three ping intervals', async () => {
        const call = open(subscriptionRequestBytes({ producerTenant: developmentTenant, stream, partition, pingInterval: 300 }));
        await waitUntil(() => call.status !== undefined, 'the producer dropped the silent consumer', 30_000);
        expect([call.messages.some((message) => message.ping !== null && message.ping !== undefined), call.status?.code]).toEqual([true, status.CANCELLED]);
    });
    it('keeps both Runtimes up and live', async () => {
        expect([producer!.isRunning(), consumer!.isRunning(), await producer!.liveness(), await consumer!.liveness()]).toEqual([true, true, 200, 200]);
    });
});
