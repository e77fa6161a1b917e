import { PartitionId } from '../eventStore/PartitionId.js';
import { ScopeId } from '../eventStore/ScopeId.js';
import { guidTextOf, type GuidLike } from '../execution/Guid.js';
import { MicroserviceId } from '../execution/MicroserviceId.js';
import { TenantId } from '../execution/TenantId.js';
import { Subscription, type SubscriptionCompleted } from './Subscription.js';

/** Thrown when a subscription's chain stops before `.toScope(…)`; names what is missing. */
export class SubscriptionDefinitionIncomplete extends Error {
    /** Creates the error naming the consumer tenant and the missing step. */
    constructor(consumerTenant: TenantId, what: string) {
        super(`A subscription of consumer tenant ${consumerTenant.value} is incomplete: ${what}. Write .fromProducerMicroservice(id).fromProducerTenant(id).fromProducerStream(id).fromProducerPartition(id).toScope(id)`);
        this.name = 'SubscriptionDefinitionIncomplete';
    }
}

/** The callbacks of one subscription or of all: called with each answer, each success, each refusal. */
export type SubscriptionCallbacks = { readonly completed: SubscriptionCompleted[]; readonly succeeded: SubscriptionCompleted[]; readonly failed: SubscriptionCompleted[] };

const noCallbacks = (): SubscriptionCallbacks => ({ completed: [], succeeded: [], failed: [] });

/** The last step: the scope is chosen; callbacks may follow. */
export class SubscriptionBuilderForConsumerScope {
    /** This subscription's callbacks. */
    readonly callbacks = noCallbacks();

    /** Creates the step; use toScope(…). */
    constructor(readonly subscription: Subscription) {}

    /** Calls back with every answer of the Runtime to this subscription. */
    onCompleted(callback: SubscriptionCompleted): this {
        this.callbacks.completed.push(callback);
        return this;
    }

    /** Calls back when the Runtime accepted this subscription. */
    onSuccess(callback: SubscriptionCompleted): this {
        this.callbacks.succeeded.push(callback);
        return this;
    }

    /** Calls back when the Runtime refused this subscription (it is asked again after a back-off). */
    onFailure(callback: SubscriptionCompleted): this {
        this.callbacks.failed.push(callback);
        return this;
    }
}

/** Chooses the consumer scope the events are written to. */
export class SubscriptionBuilderForProducerPartition {
    next: SubscriptionBuilderForConsumerScope | undefined;

    /** Creates the step; use fromProducerPartition(…). */
    constructor(readonly parts: { readonly microservice: MicroserviceId; readonly tenant: TenantId; readonly stream: string; readonly partition: PartitionId }) {}

    /** Writes the received events into this scope of the consumer's event store (handlers and projections read it with inScope). */
    toScope(scopeId: GuidLike): SubscriptionBuilderForConsumerScope {
        const { microservice, tenant, stream, partition } = this.parts;
        this.next = new SubscriptionBuilderForConsumerScope(new Subscription(ScopeId.from(scopeId), microservice, tenant, stream, partition));
        return this.next;
    }
}

/** Chooses the partition of the producer's public stream. */
export class SubscriptionBuilderForProducerStream {
    next: SubscriptionBuilderForProducerPartition | undefined;

    /** Creates the step; use fromProducerStream(…). */
    constructor(readonly parts: { readonly microservice: MicroserviceId; readonly tenant: TenantId; readonly stream: string }) {}

    /** The partition of the public stream. */
    fromProducerPartition(partitionId: GuidLike): SubscriptionBuilderForProducerPartition {
        this.next = new SubscriptionBuilderForProducerPartition({ ...this.parts, partition: PartitionId.from(partitionId) });
        return this.next;
    }
}

/** Chooses the producer's public stream (the id of its public filter). */
export class SubscriptionBuilderForProducerTenant {
    next: SubscriptionBuilderForProducerStream | undefined;

    /** Creates the step; use fromProducerTenant(…). */
    constructor(readonly parts: { readonly microservice: MicroserviceId; readonly tenant: TenantId }) {}

    /** The public stream. */
    fromProducerStream(streamId: GuidLike): SubscriptionBuilderForProducerStream {
        this.next = new SubscriptionBuilderForProducerStream({ ...this.parts, stream: guidTextOf('StreamId', streamId) });
        return this.next;
    }
}

/** Chooses the producer's tenant. */
export class SubscriptionBuilderForProducerMicroservice {
    next: SubscriptionBuilderForProducerTenant | undefined;

    /** Creates the step; use fromProducerMicroservice(…). */
    constructor(readonly microservice: MicroserviceId) {}

    /** The producer's tenant that gave the consent. */
    fromProducerTenant(tenantId: GuidLike): SubscriptionBuilderForProducerTenant {
        this.next = new SubscriptionBuilderForProducerTenant({ microservice: this.microservice, tenant: TenantId.from(tenantId) });
        return this.next;
    }
}

/** The subscriptions of one consumer tenant. */
export class SubscriptionsBuilderForConsumerTenant {
    readonly #chains: SubscriptionBuilderForProducerMicroservice[] = [];

    /** Starts the builder of a consumer tenant; use forTenant(…). */
    constructor(readonly consumerTenant: TenantId) {}

    /** Starts a subscription to a producer microservice (known to the consumer's Runtime through microservices.json). */
    fromProducerMicroservice(microserviceId: GuidLike): SubscriptionBuilderForProducerMicroservice {
        const chain = new SubscriptionBuilderForProducerMicroservice(MicroserviceId.from(microserviceId));
        this.#chains.push(chain);
        return chain;
    }

    /** The finished subscriptions; throws SubscriptionDefinitionIncomplete naming the missing step. */
    build(): ReadonlyArray<SubscriptionBuilderForConsumerScope> {
        return this.#chains.map((chain) => {
            const stream = chain.next?.next;
            const scope = stream?.next?.next;
            if (scope === undefined) {
                const missing = chain.next === undefined ? 'fromProducerTenant(…)' : stream === undefined ? 'fromProducerStream(…)' : stream.next === undefined ? 'fromProducerPartition(…)' : 'toScope(…)';
                throw new SubscriptionDefinitionIncomplete(this.consumerTenant, `the chain from producer microservice ${chain.microservice.value} has no ${missing}`);
            }
            return scope;
        });
    }
}

/** One subscription as the client makes it: the consumer tenant, the subscription and its callbacks. */
export type SubscriptionDefinition = { readonly consumerTenant: TenantId; readonly subscription: Subscription; readonly callbacks: ReadonlyArray<SubscriptionCallbacks> };

/** Collects the Event Horizon subscriptions: `(_) => _.forTenant(tenant, (ts) => ts.fromProducerMicroservice(…)…toScope(…))`. */
export class SubscriptionsBuilder {
    readonly #tenants: SubscriptionsBuilderForConsumerTenant[] = [];
    readonly #callbacks = noCallbacks();

    /** The subscriptions of a consumer tenant. */
    forTenant(tenantId: GuidLike, callback: (builder: SubscriptionsBuilderForConsumerTenant) => void): SubscriptionsBuilder {
        const builder = new SubscriptionsBuilderForConsumerTenant(TenantId.from(tenantId));
        callback(builder);
        this.#tenants.push(builder);
        return this;
    }

    /** Calls back with every answer to every subscription. */
    onCompleted(callback: SubscriptionCompleted): SubscriptionsBuilder {
        this.#callbacks.completed.push(callback);
        return this;
    }

    /** Calls back with every accepted subscription. */
    onSuccess(callback: SubscriptionCompleted): SubscriptionsBuilder {
        this.#callbacks.succeeded.push(callback);
        return this;
    }

    /** Calls back with every refused subscription. */
    onFailure(callback: SubscriptionCompleted): SubscriptionsBuilder {
        this.#callbacks.failed.push(callback);
        return this;
    }

    /** The definitions; throws SubscriptionDefinitionIncomplete for a chain that stops early. */
    build(): ReadonlyArray<SubscriptionDefinition> {
        return this.#tenants.flatMap((tenant) => tenant.build().map((scope) => ({ consumerTenant: tenant.consumerTenant, subscription: scope.subscription, callbacks: [scope.callbacks, this.#callbacks] })));
    }
}

/** The callback `withEventHorizons` takes. */
export type SubscriptionsBuilderCallback = (builder: SubscriptionsBuilder) => void;
