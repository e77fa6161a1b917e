import { eventHorizonConsumerService, guidToUuid, millisecondsToDuration, uuidToGuid, dolittle } from '@dolittle-typescript/protocol';
import * as grpc from '@grpc/grpc-js';
import type { Guid } from '../../guids/index.js';
import { developmentTenant } from '../../host/given/developmentTenant.js';
import { executionContextToWire } from '../../wire/index.js';
import { consumerMicroservice } from './twoMicroservices.js';

type ProducerMessage = dolittle.runtime.eventhorizon.EventHorizonProducerToConsumerMessage;

/** What a raw consumer saw of one call to a producer's Consumer/Subscribe. */
export type RawCall = {
    readonly messages: ProducerMessage[];
    status: grpc.StatusObject | undefined;
    /** The call's first message bytes go as given; later ones are encoded messages. */
    write(message: dolittle.runtime.eventhorizon.EventHorizonConsumerToProducerMessage.$Properties): void;
    cancel(): void;
};

/**
 * Opens Consumer/Subscribe on a producer's public port without the Runtime's client, and writes `first` as the first
 * message's bytes (an encoded message, or garbage); it never answers pings or events unless told.
 */
export function openRawConsumerCall(publicPort: number, first: Uint8Array): RawCall {
    const client = new grpc.Client(`127.0.0.1:${publicPort}`, grpc.credentials.createInsecure());
    const encode = (message: Buffer | dolittle.runtime.eventhorizon.EventHorizonConsumerToProducerMessage.$Properties): Buffer =>
        Buffer.isBuffer(message) ? message : eventHorizonConsumerService.subscribe.requestSerialize(message);
    const call = client.makeBidiStreamRequest(eventHorizonConsumerService.subscribe.path, encode, eventHorizonConsumerService.subscribe.responseDeserialize);
    const raw: RawCall = {
        messages: [],
        status: undefined,
        write: (message) => call.write(message),
        cancel: () => call.cancel(),
    };
    call.on('data', (message: ProducerMessage) => raw.messages.push(message));
    call.on('status', (status: grpc.StatusObject) => {
        raw.status = status;
        client.close();
    });
    call.on('error', () => undefined);
    call.write(Buffer.from(first));
    return raw;
}

/** The encoded first message of a subscription, as a consumer Runtime writes it. */
export function subscriptionRequestBytes(request: { readonly producerTenant: string; readonly stream: string; readonly partition: string; readonly pingInterval: number }): Uint8Array {
    return eventHorizonConsumerService.subscribe.requestSerialize({
        subscriptionRequest: {
            callContext: {
                executionContext: executionContextToWire({
                    microserviceId: consumerMicroservice as Guid,
                    tenantId: developmentTenant as Guid,
                    version: { major: 1, minor: 0, patch: 0, build: 0, preRelease: '' },
                    correlationId: '4f7c3c4e-5d2b-4a4e-9d8e-3b8b5f0c1a21' as Guid,
                    claims: [],
                    environment: 'Test',
                }),
                headId: guidToUuid('00000000-0000-0000-0000-000000000000'),
                pingInterval: millisecondsToDuration(request.pingInterval),
            },
            tenantId: guidToUuid(request.producerTenant),
            streamId: guidToUuid(request.stream),
            partitionId: guidToUuid(request.partition),
            streamPosition: 0,
        },
    });
}

/** The failure id and reason of the producer's subscription response, if it wrote one with a failure. */
export function refusalOf(call: RawCall): { readonly id: string; readonly reason: string } | undefined {
    const failure = call.messages.find((message) => message.subscriptionResponse !== null && message.subscriptionResponse !== undefined)?.subscriptionResponse?.failure;
    return failure === null || failure === undefined ? undefined : { id: uuidToGuid(failure.id), reason: failure.reason ?? '' };
}
