import { guidToUuid, millisecondsToDuration } from '@dolittle-typescript/protocol';
import type * as grpc from '@grpc/grpc-js';
import type { RuntimeConnection } from '../connection/RuntimeConnection.js';
import { reconnectDelay, type ReconnectPolicy } from '../connection/ReconnectPolicy.js';
import type { ExecutionContext } from '../execution/ExecutionContext.js';
import type { Logger } from '../logging/Logger.js';
import type { RegistrationListener } from './RegistrationOutcome.js';
import type { ReverseCallProtocol, ReverseCallRequestContext } from './ReverseCallProtocol.js';

/** Handles one request of a reverse call; never rejects (failures are part of the response). */
export type RequestHandler<Request, Response> = (request: Request, callContext: ReverseCallRequestContext) => Promise<Response>;

/** What a reverse call needs beside its protocol and handler. */
export type ReverseCallOptions = {
    readonly connection: RuntimeConnection;
    readonly executionContext: ExecutionContext;
    readonly headId: string;
    /** How often the Runtime is asked to ping; three missed pings end the call and it connects again. */
    readonly pingIntervalMilliseconds: number;
    readonly reconnectPolicy: ReconnectPolicy;
    readonly logger: Logger;
    readonly onRegistration: RegistrationListener;
};

/**
 * One processor's reverse call with the Runtime, kept up until stopped: connect, register, answer pings and requests;
 * when the call ends or goes quiet, or the Runtime refuses the registration, log why and connect again after a capped,
 * jittered back-off. `stop()` ends the stream and every timer.
 */
export class ReverseCall<ClientMessage, ServerMessage, Request, Response> {
    readonly #protocol: ReverseCallProtocol<ClientMessage, ServerMessage, Request, Response>;
    readonly #handle: RequestHandler<Request, Response>;
    readonly #options: ReverseCallOptions;
    readonly #id: string;
    #stream: grpc.ClientDuplexStream<ClientMessage, ServerMessage> | undefined;
    #keepalive: NodeJS.Timeout | undefined;
    #reconnect: NodeJS.Timeout | undefined;
    #failedAttempts = 0;
    #connections = 0;
    #stopped = false;
    #resolveFirstRegistration!: () => void;
    /** Resolves when the Runtime first accepts the registration (rejected registrations are retried, and reported to listeners). */
    readonly registered: Promise<void>;

    /** Prepares the reverse call of processor `id`; start() connects. */
    constructor(id: string, protocol: ReverseCallProtocol<ClientMessage, ServerMessage, Request, Response>, handle: RequestHandler<Request, Response>, options: ReverseCallOptions) {
        this.#id = id;
        this.#protocol = protocol;
        this.#handle = handle;
        this.#options = options;
        this.registered = new Promise((resolve) => {
            this.#resolveFirstRegistration = resolve;
        });
    }

    /** Connects and registers; keeps reconnecting until stop(). */
    start(): void {
        this.#connect();
    }

    /** Ends the stream and every timer; no reconnect follows. */
    stop(): void {
        this.#stopped = true;
        clearTimeout(this.#reconnect);
        clearInterval(this.#keepalive);
        const stream = this.#stream;
        this.#stream = undefined;
        stream?.cancel();
    }

    #connect(): void {
        this.#reconnect = undefined;
        if (this.#stopped) {
            return;
        }
        const { logger, pingIntervalMilliseconds } = this.#options;
        this.#connections += 1;
        const connection = this.#connections;
        let stream: grpc.ClientDuplexStream<ClientMessage, ServerMessage>;
        try {
            stream = this.#options.connection.open(this.#protocol.method);
        } catch (error) {
            this.#ended(connection, `the call could not be opened: ${String(error)}`);
            return;
        }
        this.#stream = stream;
        let lastHeard = Date.now();
        let ended = false;
        let outcomeReported = false;
        const end = (reason: string) => {
            if (!ended) {
                ended = true;
                // The Runtime refuses some registrations by ending the call with the failure in its status: a call that
                // ends before it was accepted is a refused registration to the application too.
                if (!outcomeReported && !this.#stopped) {
                    outcomeReported = true;
                    this.#options.onRegistration({ kind: this.#protocol.kind, id: this.#id, registered: false, reason, connection });
                }
                clearInterval(this.#keepalive);
                if (this.#stream === stream) {
                    this.#stream = undefined;
                }
                stream.cancel();
                this.#ended(connection, reason);
            }
        };
        this.#keepalive = setInterval(() => {
            if (Date.now() - lastHeard > 3 * pingIntervalMilliseconds) {
                end(`the Runtime sent no ping for ${Date.now() - lastHeard} ms (three ping intervals)`);
            }
        }, pingIntervalMilliseconds);
        stream.on('data', (message: ServerMessage) => {
            lastHeard = Date.now();
            const read = this.#protocol.read(message);
            switch (read.kind) {
                case 'ping':
                    stream.write(this.#protocol.pong());
                    break;
                case 'registered':
                    outcomeReported = true;
                    if (read.failure === undefined) {
                        this.#failedAttempts = 0;
                        logger.info(`Registered the ${this.#protocol.kind}`, { connection });
                        this.#options.onRegistration({ kind: this.#protocol.kind, id: this.#id, registered: true, connection });
                        this.#resolveFirstRegistration();
                    } else {
                        const reason = `the Runtime refused the registration: ${read.failure.reason} (failure ${read.failure.id})`;
                        this.#options.onRegistration({ kind: this.#protocol.kind, id: this.#id, registered: false, reason, connection });
                        end(reason);
                    }
                    break;
                case 'request':
                    this.#handle(read.request, read.callContext).then((response) => {
                        if (!ended) {
                            stream.write(this.#protocol.respond({ callId: read.callContext.callId }, response));
                        }
                    }, (error: unknown) => {
                        logger.error(`The ${this.#protocol.kind} failed to answer a request`, { error: String(error) });
                        end(`answering a request failed: ${String(error)}`);
                    });
                    break;
                default:
                    logger.debug(`Ignored a message of an unknown kind on the ${this.#protocol.kind}'s call`);
            }
        });
        stream.on('error', (error: grpc.ServiceError) => end(`the call failed: ${error.details || error.message}`));
        stream.on('end', () => end('the Runtime ended the call'));
        const callContext = {
            executionContext: this.#options.executionContext.toWire(),
            headId: guidToUuid(this.#options.headId),
            pingInterval: millisecondsToDuration(pingIntervalMilliseconds),
        };
        stream.write(this.#protocol.register(callContext));
    }

    #ended(connection: number, reason: string): void {
        if (this.#stopped) {
            return;
        }
        this.#failedAttempts += 1;
        const delay = reconnectDelay(this.#options.reconnectPolicy, this.#failedAttempts);
        this.#options.logger.warn(`The ${this.#protocol.kind}'s call to the Runtime ended; connecting again`, { connection, reason, retryInMilliseconds: delay, attempt: this.#failedAttempts });
        this.#reconnect = setTimeout(() => this.#connect(), delay);
    }
}
