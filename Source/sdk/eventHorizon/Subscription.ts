import type { PartitionId } from '../eventStore/PartitionId.js';
import type { ScopeId } from '../eventStore/ScopeId.js';
import type { MicroserviceId } from '../execution/MicroserviceId.js';
import type { TenantId } from '../execution/TenantId.js';
import type { Failure } from '../eventStore/CommitEventsResult.js';

/** A subscription of a consumer tenant to a partition of a producer's public stream, received into a scope. */
export class Subscription {
    /** Creates the subscription. */
    constructor(
        readonly scope: ScopeId,
        readonly microservice: MicroserviceId,
        readonly tenant: TenantId,
        readonly stream: string,
        readonly partition: PartitionId,
    ) {}

    /** `microservice/tenant/stream/partition → scope`, as logs show it. */
    toString(): string {
        return `${this.microservice.value}/${this.tenant.value}/${this.stream}/${this.partition.value} → scope ${this.scope.value}`;
    }
}

/** What the consumer's Runtime answered a subscription: the consent it found, or the failure. */
export class SubscriptionResponse {
    /** Creates the answer. */
    constructor(readonly consentId: string, readonly failure?: Failure) {}

    /** Tells whether the subscription was refused (no consent, the producer unknown, …). */
    get failed(): boolean {
        return this.failure !== undefined;
    }
}

/** One answer to one subscription of one consumer tenant, as listeners get it. */
export type SubscriptionOutcome = { readonly consumerTenant: TenantId; readonly subscription: Subscription; readonly response: SubscriptionResponse };

/** Called with every answer (SDK 17's onCompleted, onSuccess and onFailure callbacks have this shape). */
export type SubscriptionCompleted = (consumerTenant: TenantId, subscription: Subscription, response: SubscriptionResponse) => void;
export type { SubscriptionCompleted as SubscriptionSucceeded, SubscriptionCompleted as SubscriptionFailed };
