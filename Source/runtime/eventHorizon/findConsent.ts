import type { EventHorizonConsent } from '../configuration/index.js';
import type { Guid } from '../guids/index.js';

/** What a consumer asks a producer tenant for. */
export type ConsentQuestion = {
    readonly producerTenant: Guid;
    readonly consumerMicroservice: Guid;
    readonly consumerTenant: Guid;
    readonly stream: Guid;
    readonly partition: Guid;
};

/**
 * The consent a producer tenant gives for exactly this consumer microservice, consumer tenant, public stream and
 * partition, if any. Several matching consents cannot reach here: start-up refuses them (findDuplicateConsents).
 */
export function findConsent(consents: ReadonlyMap<Guid, ReadonlyArray<EventHorizonConsent>>, question: ConsentQuestion): EventHorizonConsent | undefined {
    return consents.get(question.producerTenant)?.find((consent) =>
        consent.consumerMicroservice === question.consumerMicroservice
        && consent.consumerTenant === question.consumerTenant
        && consent.stream === question.stream
        && consent.partition === question.partition);
}
