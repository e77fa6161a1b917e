import { readFileSync } from 'node:fs';
import { eventHorizonConsumerService, guidToUuid, uuidToGuid } from '@dolittle-typescript/protocol';
import * as grpc from '@grpc/grpc-js';
import type { MicroserviceAddress } from '../configuration/index.js';
import type { ExecutionContext } from '../execution/index.js';
import { failure, otherFailure, type Failure } from '../failures/index.js';
import { newGuid, type Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import type { EventHorizonMetrics } from '../metrics/index.js';
import { ReverseCallClient, ReverseCallEnded } from '../reverseCalls/index.js';
import { sleep } from '../streamProcessors/index.js';
import type { Tenant } from '../tenancy/index.js';
import { consumerProtocol } from './eventHorizonProtocols.js';
import { EventReceiver } from './EventReceiver.js';
import { eventHorizonFailures } from './failures.js';
import { eventHorizonLogMessages as messages } from './logMessages.js';
import type { ScopedEventLogWriter } from './ScopedEventLogWriter.js';
import type { SubscriptionKey } from './SubscriptionKey.js';

/** The outcome of one attempt to subscribe: the producer's consent id, or why it failed. */
export type SubscriptionOutcome = { readonly consent: Guid } | { readonly failure: Failure };

/** How long to wait between attempts: doubling from `initial`, at most `maximum`, each jittered down by up to half. */
export type BackOff = { readonly initial: number; readonly maximum: number };

/** The default back-off: 1 s doubling up to 60 s (reference section 8.1: min(2^n, 60) s). */
export const defaultBackOff: BackOff = Object.freeze({ initial: 1_000, maximum: 60_000 });

/** The ping interval this Runtime asks a producer for, as the original Runtime does (reference section 2.2). */
export const defaultConsumerPingInterval = 10_000;

/**
 * Where a subscription is now, for the management API: connecting; connected with the producer's consent; or waiting
 * out the back-off until `nextAttempt` after the producer refused it (`refused`) or the connection failed or ended
 * (`backingOff`), with the failure that says why.
 */
export type SubscriptionState =
    | { readonly kind: 'connecting' }
    | { readonly kind: 'connected'; readonly consent: Guid; readonly since: number }
    | { readonly kind: 'refused' | 'backingOff'; readonly failure: Failure; readonly nextAttempt: number };

/** What a subscription is made of. */
export type SubscriptionParts = {
    readonly key: SubscriptionKey;
    readonly tenant: Tenant;
    /** The execution context sent to the producer: the consumer's microservice and tenant. */
    readonly executionContext: ExecutionContext;
    readonly producer: MicroserviceAddress;
    readonly writer: ScopedEventLogWriter;
    readonly logger: Logger;
    readonly metrics: EventHorizonMetrics;
    readonly backOff?: BackOff;
    readonly pingInterval?: number;
};

/**
 * One Event Horizon subscription of a consumer tenant: connects to the producer's Runtime, receives events into the
 * scope from its stored position, and reconnects for ever with a capped, jittered back-off, logging why. Connecting
 * → Connected, and back to Connecting on any break.
 */
export class Subscription {
    readonly #parts: SubscriptionParts;
    readonly #stop = new AbortController();
    readonly #client: grpc.Client | Failure;
    #connected: SubscriptionOutcome | undefined;
    #waiting: Array<(outcome: SubscriptionOutcome) => void> = [];
    #running: Promise<void> = Promise.resolve();
    #state: SubscriptionState = { kind: 'connecting' };

    /** Creates the subscription; it connects once started. */
    constructor(parts: SubscriptionParts) {
        this.#parts = parts;
        this.#client = clientFor(parts.producer);
    }

    /** Starts connecting, and keeps connecting until stopped. */
    start(): void {
        this.#running = this.#run();
    }

    /** The consent id when connected now; otherwise the outcome of the next attempt. */
    outcome(): Promise<SubscriptionOutcome> {
        if (this.#connected !== undefined) {
            return Promise.resolve(this.#connected);
        }
        if (this.#stop.signal.aborted) {
            return Promise.resolve({ failure: eventHorizonFailures.subscriptionCancelled('The Runtime is stopping') });
        }
        return new Promise((resolve) => this.#waiting.push(resolve));
    }

    /** The subscription's key. */
    get key(): SubscriptionKey {
        return this.#parts.key;
    }

    /** The consumer tenant whose store receives the events. */
    get consumerTenant(): Guid {
        return this.#parts.tenant.id;
    }

    /** Where the subscription is now. */
    get state(): SubscriptionState {
        return this.#state;
    }

    /** Stops for good: ends the connection and waits for the loop to end. */
    async stop(): Promise<void> {
        this.#stop.abort();
        this.#tell({ failure: eventHorizonFailures.subscriptionCancelled('The Runtime is stopping') });
        await this.#running;
        if (!isFailure(this.#client)) {
            this.#client.close();
        }
    }

    async #run(): Promise<void> {
        const backOff = this.#parts.backOff ?? defaultBackOff;
        let attempt = 0;
        while (!this.#stop.signal.aborted) {
            const connectedOnce = await this.#connectOnce().catch((error: unknown) => {
                const unexpected = failure(eventHorizonFailures.subscriptionCancelled('').id, `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
                this.#waitOut('backingOff', unexpected);
                this.#tell({ failure: unexpected });
                return false;
            });
            attempt = connectedOnce ? 0 : attempt + 1;
            const delay = Math.min(backOff.maximum, backOff.initial * 2 ** Math.max(0, attempt - 1)) * (0.5 + Math.random() / 2);
            if (this.#state.kind !== 'connecting' && this.#state.kind !== 'connected') {
                this.#state = { ...this.#state, nextAttempt: Date.now() + delay };
            }
            await sleep(delay, this.#stop.signal);
        }
    }

    /** One connection, from connecting to its end; tells whether it got as far as receiving. */
    async #connectOnce(): Promise<boolean> {
        const { key, tenant, producer, logger } = this.#parts;
        const address = `${producer.host}:${producer.port}`;
        this.#state = { kind: 'connecting' };
        if (isFailure(this.#client)) {
            this.#waitOut('backingOff', this.#client);
            this.#tell({ failure: this.#client });
            logger.log(messages.connectionFailed, { address, reason: this.#client.reason });
            return false;
        }
        const position = await tenant.storage.subscriptions.position(key);
        logger.log(messages.connecting, { address, position });
        const call = this.#client.makeBidiStreamRequest(
            eventHorizonConsumerService.subscribe.path,
            eventHorizonConsumerService.subscribe.requestSerialize,
            eventHorizonConsumerService.subscribe.responseDeserialize,
        );
        let receiver: EventReceiver | undefined;
        const reverseCall = new ReverseCallClient(newGuid(), call, consumerProtocol, {
            connectArguments: {
                tenantId: guidToUuid(key.producerTenant),
                streamId: guidToUuid(key.stream),
                partitionId: guidToUuid(key.partition),
                streamPosition: position,
            },
            executionContext: this.#parts.executionContext,
            pingInterval: this.#parts.pingInterval ?? defaultConsumerPingInterval,
            handle: (request) => receiver === undefined ? Promise.reject(new Error('an event arrived before the subscription response')) : receiver.handle(request),
            logger: logger.forCategory('reverseCalls'),
        });
        const onStop = () => reverseCall.close('the Runtime is stopping');
        // Whether this connection counts in the connected-subscriptions gauge, so that it leaves it however it ends.
        let counted = false;
        this.#stop.signal.addEventListener('abort', onStop, { once: true });
        try {
            let answer;
            try {
                answer = await reverseCall.connectResponse;
            } catch (error) {
                const reason = error instanceof ReverseCallEnded ? error.end.detail : String(error);
                const failed = eventHorizonFailures.couldNotConnect(address, reason);
                this.#waitOut('backingOff', failed);
                this.#tell({ failure: failed });
                logger.log(messages.connectionFailed, { address, reason });
                return false;
            }
            if (answer.failure !== null && answer.failure !== undefined) {
                const refusal = failure(uuidToGuid(answer.failure.id) as Guid, answer.failure.reason ?? '');
                this.#waitOut('refused', refusal);
                this.#tell({ failure: refusal });
                logger.log(messages.producerRefused, { address, failureId: refusal.id, reason: refusal.reason });
                reverseCall.close('the producer refused the subscription');
                return false;
            }
            const consent = uuidToGuid(answer.consentId) as Guid;
            receiver = new EventReceiver(key, position, consent, this.#parts.writer, logger, (events) => this.#received(events));
            this.#connected = { consent };
            this.#state = { kind: 'connected', consent, since: Date.now() };
            this.#parts.metrics.subscriptionConnected(tenant.id, key.producerMicroservice);
            counted = true;
            this.#tell(this.#connected);
            logger.log(messages.connected, { address, consent, position });
            const end = await reverseCall.ended;
            this.#connected = undefined;
            this.#waitOut('backingOff', otherFailure(`The connection to the producer Runtime at ${address} ended: ${end.detail}`));
            if (!this.#stop.signal.aborted) {
                logger.log(messages.connectionFailed, { address, reason: end.detail });
            }
            return true;
        } finally {
            this.#connected = undefined;
            if (counted) {
                this.#parts.metrics.subscriptionDisconnected(tenant.id, key.producerMicroservice);
            }
            this.#stop.signal.removeEventListener('abort', onStop);
        }
    }

    /** Records why the subscription now waits; #run sets when the next attempt is, once it has drawn the delay. */
    #waitOut(kind: 'refused' | 'backingOff', why: Failure): void {
        this.#state = { kind, failure: why, nextAttempt: Date.now() };
    }

    #received(events: number): void {
        this.#parts.metrics.eventsReceived(this.#parts.tenant.id, this.#parts.key.producerMicroservice, events);
    }

    #tell(outcome: SubscriptionOutcome): void {
        const waiting = this.#waiting;
        this.#waiting = [];
        waiting.forEach((resolve) => resolve(outcome));
    }
}

function isFailure(client: grpc.Client | Failure): client is Failure {
    return !(client instanceof grpc.Client);
}

/** A gRPC client of the producer's public port: plain text, or TLS trusting the CA file microservices.json names. */
function clientFor(producer: MicroserviceAddress): grpc.Client | Failure {
    const address = `${producer.host}:${producer.port}`;
    let credentials = grpc.credentials.createInsecure();
    if (producer.certificateAuthority !== undefined) {
        try {
            credentials = grpc.credentials.createSsl(readFileSync(producer.certificateAuthority));
        } catch (error) {
            return eventHorizonFailures.couldNotConnect(address, `the certificate authority file ${producer.certificateAuthority} could not be read: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
    const options: grpc.ChannelOptions = producer.serverName === undefined ? {} : { 'grpc.ssl_target_name_override': producer.serverName, 'grpc.default_authority': producer.serverName };
    return new grpc.Client(address, credentials, { ...options, 'grpc.keepalive_time_ms': 10_000, 'grpc.keepalive_timeout_ms': 5_000 });
}
