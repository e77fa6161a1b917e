import { guidToUuid, millisecondsToDuration, uuidToGuid } from '@dolittle-typescript/protocol';
import type { ClientDuplexStream } from '@grpc/grpc-js';
import type { ExecutionContext } from '../execution/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { executionContextToWire } from '../wire/index.js';
import { Keepalive } from './Keepalive.js';
import { reverseCallLogMessages } from './logMessages.js';
import type { ReverseCallClientProtocol } from './ReverseCallClientProtocol.js';
import type { ReverseCallEnd } from './ReverseCallEnd.js';
import { ReverseCallEnded } from './ReverseCallEnded.js';

/** What the client side of a reverse call is started with. */
export type ReverseCallClientOptions<ConnectArguments, Request, Response> = {
    readonly connectArguments: ConnectArguments;
    /** The execution context sent in the connect arguments' call context. */
    readonly executionContext: ExecutionContext;
    /** The ping interval asked of the server, in milliseconds; the call ends when nothing arrives for three of them. */
    readonly pingInterval: number;
    /**
     * Handles one request and resolves with the response to write. Requests are handed on in the order they
     * arrive; a handler that rejects ends the call.
     */
    readonly handle: (request: Request) => Promise<Response>;
    readonly logger: Logger;
};

/**
 * The Runtime's side of a reverse call it opened as a client (towards another Runtime): writes the connect
 * arguments, answers pings with pongs, hands requests on and writes their responses with the request's call id, and
 * ends the call when the server sends nothing (no ping, no request) for three ping intervals, as the server side does.
 */
export class ReverseCallClient<ClientMessage, ServerMessage, ConnectArguments, ConnectResponse, Request, Response> {
    readonly #call: ClientDuplexStream<ClientMessage, ServerMessage>;
    readonly #protocol: ReverseCallClientProtocol<ClientMessage, ServerMessage, ConnectArguments, ConnectResponse, Request, Response>;
    readonly #options: ReverseCallClientOptions<ConnectArguments, Request, Response>;
    readonly #id: Guid;
    readonly #abort = new AbortController();
    readonly #keepalive: Keepalive;
    readonly #ended: Promise<ReverseCallEnd>;
    readonly #connectResponse: Promise<ConnectResponse>;
    #resolveEnded: (end: ReverseCallEnd) => void = () => undefined;
    #resolveConnectResponse: (response: ConnectResponse) => void = () => undefined;
    #rejectConnectResponse: (error: unknown) => void = () => undefined;
    #end: ReverseCallEnd | undefined;

    /** Takes over an opened call and writes the connect arguments at once. */
    constructor(
        id: Guid,
        call: ClientDuplexStream<ClientMessage, ServerMessage>,
        protocol: ReverseCallClientProtocol<ClientMessage, ServerMessage, ConnectArguments, ConnectResponse, Request, Response>,
        options: ReverseCallClientOptions<ConnectArguments, Request, Response>,
    ) {
        this.#id = id;
        this.#call = call;
        this.#protocol = protocol;
        this.#options = options;
        this.#ended = new Promise((resolve) => {
            this.#resolveEnded = resolve;
        });
        this.#connectResponse = new Promise((resolve, reject) => {
            this.#resolveConnectResponse = resolve;
            this.#rejectConnectResponse = reject;
        });
        // Nobody may wait for the connect response (a caller that gave up): its rejection must not go unhandled.
        this.#connectResponse.catch(() => undefined);
        const deadline = 3 * options.pingInterval;
        this.#keepalive = new Keepalive(deadline, (silence) => {
            options.logger.log(reverseCallLogMessages.serverKeepaliveExpired, { silence: Math.round(silence), deadline });
            this.close(`the server sent nothing for ${Math.round(silence)} ms (three ping intervals)`, 'keepaliveExpired');
        });
        call.on('data', (message: ServerMessage) => this.#receive(message));
        call.on('end', () => this.#finish({ reason: 'closed', detail: 'the server ended the call' }));
        call.on('error', (error: Error) => this.#finish({ reason: 'failed', detail: error.message }));
        call.on('close', () => this.#finish({ reason: 'closed', detail: 'the stream closed' }));
        call.write(protocol.connect(options.connectArguments, {
            executionContext: executionContextToWire(options.executionContext),
            headId: guidToUuid(emptyGuid),
            pingInterval: millisecondsToDuration(options.pingInterval),
        }));
        this.#keepalive.start();
    }

    /** Resolves with the server's connect response; rejects with ReverseCallEnded when the call ends before it. */
    get connectResponse(): Promise<ConnectResponse> {
        return this.#connectResponse;
    }

    /** Resolves once, when the call has ended, telling why. */
    get ended(): Promise<ReverseCallEnd> {
        return this.#ended;
    }

    /** Aborted when the call ends. */
    get signal(): AbortSignal {
        return this.#abort.signal;
    }

    /** Ends the call from this side (cancels it). */
    close(detail: string, reason: ReverseCallEnd['reason'] = 'closed'): void {
        if (this.#finish({ reason, detail })) {
            this.#call.cancel();
        }
    }

    #receive(message: ServerMessage): void {
        if (this.#abort.signal.aborted) {
            return;
        }
        this.#keepalive.received();
        if (this.#protocol.isPing(message)) {
            this.#call.write(this.#protocol.pong());
            return;
        }
        const connectResponse = this.#protocol.connectResponseOf(message);
        if (connectResponse !== null && connectResponse !== undefined) {
            this.#resolveConnectResponse(connectResponse);
            return;
        }
        const request = this.#protocol.requestOf(message);
        if (request === null || request === undefined) {
            return;
        }
        const callId = this.#protocol.requestContextOf(request)?.callId;
        if (callId === null || callId === undefined) {
            this.#options.logger.log(reverseCallLogMessages.requestWithoutCallContext);
            return;
        }
        this.#options.handle(request).then(
            (response) => {
                if (!this.#abort.signal.aborted) {
                    this.#call.write(this.#protocol.response(response, { callId }));
                }
            },
            (error: unknown) => {
                const detail = error instanceof Error ? error.message : String(error);
                this.#options.logger.log(reverseCallLogMessages.requestHandlingFailed, { callId: safeGuid(callId), error: detail });
                this.close(`handling a request failed: ${detail}`, 'failed');
            },
        );
    }

    #finish(end: ReverseCallEnd): boolean {
        if (this.#end !== undefined) {
            return false;
        }
        this.#end = end;
        this.#keepalive.stop();
        this.#abort.abort(new ReverseCallEnded(this.#id, end));
        this.#rejectConnectResponse(new ReverseCallEnded(this.#id, end));
        this.#resolveEnded(end);
        return true;
    }
}

function safeGuid(uuid: Parameters<typeof uuidToGuid>[0]): string {
    try {
        return uuidToGuid(uuid);
    } catch {
        return 'malformed';
    }
}
