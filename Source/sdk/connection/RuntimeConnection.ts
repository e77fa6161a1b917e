import * as grpc from '@grpc/grpc-js';
import type { ProtocolMethod } from '@dolittle-typescript/protocol';

/** Where the Runtime a head talks to listens: the private (head) port. */
export type RuntimeAddress = { readonly host: string; readonly port: number };

/** Thrown when a unary call to the Runtime fails at the gRPC level (the Runtime unreachable, the call cancelled). */
export class RuntimeCallFailed extends Error {
    /** Creates the error naming the method and the gRPC status. */
    constructor(readonly method: string, readonly code: number | undefined, details: string, options?: ErrorOptions) {
        super(`Calling ${method} on the Runtime failed (gRPC status ${code ?? 'unknown'}): ${details}`, options);
        this.name = 'RuntimeCallFailed';
    }
}

/** Thrown when a call is made through a client that was disconnected. */
export class ClientIsDisconnected extends Error {
    /** Creates the error naming the call. */
    constructor(what: string) {
        super(`${what}: the client was disconnected (await client.disconnect() ends it for good); build a new client to call the Runtime again`);
        this.name = 'ClientIsDisconnected';
    }
}

/**
 * One gRPC channel to the Runtime that every call and reverse call of a client shares (grpc-js multiplexes them over
 * one HTTP/2 connection and reconnects it by itself), closed once by `close()`.
 */
export class RuntimeConnection {
    readonly #client: grpc.Client;
    readonly #reconnectedListeners = new Set<() => void>();
    #watching = false;
    #closed = false;

    /** Opens the channel (lazily: grpc-js connects on the first call). */
    constructor(readonly address: RuntimeAddress) {
        this.#client = new grpc.Client(`${address.host}:${address.port}`, grpc.credentials.createInsecure(), {
            // Heads keep calls open for ever; keepalive finds a dead connection (a Runtime killed under it) quickly.
            'grpc.keepalive_time_ms': 10_000,
            'grpc.keepalive_timeout_ms': 5_000,
            'grpc.max_receive_message_length': -1,
            'grpc.max_send_message_length': -1,
            // No retry machinery around every call: a head's reverse calls connect again by themselves, and a commit the
            // Runtime never got fails at once as unavailable (safe to make again). In an interleaved latency run it cut
            // the commit-to-handler p50 below SDK 17's.
            'grpc.enable_retries': 0,
        });
    }

    /** Tells whether close() was called. */
    get closed(): boolean {
        return this.#closed;
    }

    /** Makes a unary call; rejects with RuntimeCallFailed on a gRPC error. */
    call<RequestProperties, Response>(method: ProtocolMethod<RequestProperties, unknown, never, Response>, request: RequestProperties): Promise<Response> {
        if (this.#closed) {
            return Promise.reject(new ClientIsDisconnected(`Calling ${method.path}`));
        }
        return new Promise((resolve, reject) => {
            this.#client.makeUnaryRequest(method.path, method.requestSerialize, method.responseDeserialize, request, (error, response) => {
                if (error !== null || response === undefined) {
                    reject(new RuntimeCallFailed(method.path, error?.code, error?.details ?? 'no response', { cause: error ?? undefined }));
                    return;
                }
                resolve(response);
            });
        });
    }

    /** Opens a bidirectional stream (a reverse call). */
    open<RequestProperties, Response>(method: ProtocolMethod<RequestProperties, unknown, never, Response>): grpc.ClientDuplexStream<RequestProperties, Response> {
        if (this.#closed) {
            throw new ClientIsDisconnected(`Opening ${method.path}`);
        }
        return this.#client.makeBidiStreamRequest(method.path, method.requestSerialize, method.responseDeserialize);
    }

    /**
     * Calls the listener each time the channel is ready again after it was lost (the Runtime restarted, or the
     * network came back): what the Runtime kept in memory only, such as Event Horizon subscriptions, must then be
     * asked for again. Returns a function that removes the listener.
     */
    onReconnected(listener: () => void): () => void {
        this.#reconnectedListeners.add(listener);
        if (!this.#watching && !this.#closed) {
            this.#watching = true;
            this.#watch(this.#client.getChannel().getConnectivityState(false), false);
        }
        return () => this.#reconnectedListeners.delete(listener);
    }

    /** Follows the channel's states without a deadline (no timer keeps the process alive); closing it ends the watch. */
    #watch(state: grpc.connectivityState, lost: boolean): void {
        const channel = this.#client.getChannel();
        channel.watchConnectivityState(state, Infinity, () => {
            const now = channel.getConnectivityState(false);
            if (now === grpc.connectivityState.SHUTDOWN || this.#closed) {
                return;
            }
            let lostNow = lost;
            if (now === grpc.connectivityState.READY) {
                if (lost) {
                    this.#reconnectedListeners.forEach((listener) => listener());
                }
                lostNow = false;
            } else if (state === grpc.connectivityState.READY) {
                lostNow = true;
            }
            if (lostNow && now === grpc.connectivityState.IDLE) {
                // Connect again without waiting for a call, so that a head with only subscriptions gets them back too.
                channel.getConnectivityState(true);
            }
            this.#watch(now, lostNow);
        });
    }

    /** Closes the channel; calls under way end with a cancellation. */
    close(): void {
        if (!this.#closed) {
            this.#closed = true;
            this.#client.close();
        }
    }
}
