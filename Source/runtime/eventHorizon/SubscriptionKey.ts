import type { Guid } from '../guids/index.js';

/**
 * Identifies one Event Horizon subscription of a consumer tenant: one partition of one public stream of one producer
 * tenant of one producer microservice, received into one scope. The consumer tenant is the store it is kept in.
 */
export type SubscriptionKey = {
    readonly producerMicroservice: Guid;
    readonly producerTenant: Guid;
    readonly stream: Guid;
    readonly partition: Guid;
    readonly scope: Guid;
};

/** A text key for a subscription, for maps and logs. */
export function subscriptionKeyText(key: SubscriptionKey): string {
    return `${key.producerMicroservice}/${key.producerTenant}/${key.stream}/${key.partition}/${key.scope}`;
}
