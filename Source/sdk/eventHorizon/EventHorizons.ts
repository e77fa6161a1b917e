import { eventHorizonSubscriptionsService, guidToUuid, uuidToGuid } from '@dolittle-typescript/protocol';
import type { RuntimeConnection } from '../connection/RuntimeConnection.js';
import { reconnectDelay, type ReconnectPolicy } from '../connection/ReconnectPolicy.js';
import { failureFromWire } from '../eventStore/CommitEventsResult.js';
import type { ExecutionContext } from '../execution/ExecutionContext.js';
import type { Logger } from '../logging/Logger.js';
import { SubscriptionResponse, type SubscriptionOutcome } from './Subscription.js';
import type { SubscriptionDefinition } from './SubscriptionsBuilder.js';

/** What the subscriptions need from the client. */
export type EventHorizonsOptions = { readonly connection: RuntimeConnection; readonly executionContext: ExecutionContext; readonly reconnectPolicy: ReconnectPolicy; readonly logger: Logger };

/** Listens to subscription outcomes. */
export type SubscriptionListener = (outcome: SubscriptionOutcome) => void;

/**
 * The head's Event Horizon subscriptions: each is asked of the consumer's Runtime (Subscriptions/Subscribe) when the
 * client is built, and asked again after a capped, jittered back-off while the Runtime refuses it or cannot be
 * reached, logging why. Every answer goes to the subscription's callbacks and to onResponse listeners.
 */
export class EventHorizons {
    readonly #definitions: ReadonlyArray<SubscriptionDefinition>;
    readonly #options: EventHorizonsOptions;
    readonly #outcomes: SubscriptionOutcome[] = [];
    readonly #listeners = new Set<SubscriptionListener>();
    readonly #timers = new Set<NodeJS.Timeout>();
    /** The subscriptions the Runtime accepted, by index: asked for again when the connection comes back. */
    readonly #acceptedNow = new Set<number>();
    #stopListening: (() => void) | undefined;
    #stopped = false;
    /** Resolves when the Runtime accepted every subscription (once each). */
    readonly subscribed: Promise<void>;
    readonly #accepted: Array<() => void> = [];

    /** Prepares the subscriptions; start() asks for them. */
    constructor(definitions: ReadonlyArray<SubscriptionDefinition>, options: EventHorizonsOptions) {
        this.#definitions = definitions;
        this.#options = options;
        this.subscribed = Promise.all(definitions.map(() => new Promise<void>((resolve) => this.#accepted.push(resolve)))).then(() => undefined);
    }

    /** Every subscription the head asks for. */
    get subscriptions(): ReadonlyArray<SubscriptionDefinition> {
        return this.#definitions;
    }

    /** Calls the listener with every answer so far, then with each new one. Returns a function that stops it. */
    onResponse(listener: SubscriptionListener): () => void {
        for (const outcome of this.#outcomes) {
            listener(outcome);
        }
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
    }

    /** Asks the Runtime for every subscription. */
    start(): void {
        this.#definitions.forEach((definition, index) => void this.#subscribe(definition, index, 0));
        if (this.#definitions.length > 0) {
            // A Runtime keeps the subscriptions it runs in memory: after it restarted, they are asked for again.
            this.#stopListening = this.#options.connection.onReconnected(() => this.#subscribeAgain());
        }
    }

    #subscribeAgain(): void {
        const accepted = [...this.#acceptedNow];
        this.#acceptedNow.clear();
        for (const index of accepted) {
            const definition = this.#definitions[index]!;
            this.#options.logger.info('The connection to the Runtime came back; asking for an Event Horizon subscription again', { subscription: definition.subscription.toString(), consumerTenant: definition.consumerTenant.value });
            void this.#subscribe(definition, index, 0);
        }
    }

    /** Ends every retry timer. */
    stop(): void {
        this.#stopped = true;
        this.#stopListening?.();
        for (const timer of this.#timers) {
            clearTimeout(timer);
        }
        this.#timers.clear();
        this.#listeners.clear();
    }

    async #subscribe(definition: SubscriptionDefinition, index: number, failedAttempts: number): Promise<void> {
        if (this.#stopped) {
            return;
        }
        const { connection, executionContext, logger } = this.#options;
        const { subscription, consumerTenant } = definition;
        let response: SubscriptionResponse;
        try {
            const answer = await connection.call(eventHorizonSubscriptionsService.subscribe, {
                callContext: { executionContext: executionContext.forTenant(consumerTenant).toWire() },
                microserviceId: guidToUuid(subscription.microservice.value),
                tenantId: guidToUuid(subscription.tenant.value),
                streamId: guidToUuid(subscription.stream),
                partitionId: guidToUuid(subscription.partition.value),
                scopeId: guidToUuid(subscription.scope.value),
            });
            const failure = failureFromWire(answer.failure);
            response = new SubscriptionResponse(uuidToGuid(answer.consentId), failure);
        } catch (error) {
            if (this.#stopped) {
                return;
            }
            // The Runtime could not be reached: no answer to report, ask again.
            this.#retry(definition, index, failedAttempts + 1, `the call failed: ${String(error)}`);
            return;
        }
        if (this.#stopped) {
            return;
        }
        this.#report({ consumerTenant, subscription, response }, definition);
        if (response.failed) {
            this.#retry(definition, index, failedAttempts + 1, `the Runtime refused it: ${response.failure?.reason} (failure ${response.failure?.id})`);
            return;
        }
        logger.info('Subscribed to an Event Horizon', { subscription: subscription.toString(), consumerTenant: consumerTenant.value, consent: response.consentId });
        this.#acceptedNow.add(index);
        this.#accepted[index]?.();
    }

    #retry(definition: SubscriptionDefinition, index: number, failedAttempts: number, reason: string): void {
        const delay = reconnectDelay(this.#options.reconnectPolicy, failedAttempts);
        this.#options.logger.warn('An Event Horizon subscription was not accepted; asking again', { subscription: definition.subscription.toString(), consumerTenant: definition.consumerTenant.value, reason, retryInMilliseconds: delay, attempt: failedAttempts });
        const timer = setTimeout(() => {
            this.#timers.delete(timer);
            void this.#subscribe(definition, index, failedAttempts);
        }, delay);
        this.#timers.add(timer);
    }

    #report(outcome: SubscriptionOutcome, definition: SubscriptionDefinition): void {
        this.#outcomes.push(outcome);
        const call = (callbacks: ReadonlyArray<(tenant: typeof outcome.consumerTenant, subscription: typeof outcome.subscription, response: SubscriptionResponse) => void>) => {
            for (const callback of callbacks) {
                try {
                    callback(outcome.consumerTenant, outcome.subscription, outcome.response);
                } catch (error) {
                    this.#options.logger.error('An Event Horizon subscription callback threw', { error: String(error) });
                }
            }
        };
        for (const callbacks of definition.callbacks) {
            call(callbacks.completed);
            call(outcome.response.failed ? callbacks.failed : callbacks.succeeded);
        }
        for (const listener of this.#listeners) {
            listener(outcome);
        }
    }
}
