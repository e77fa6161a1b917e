import { guidToUuid, uuidToGuid } from '@dolittle-typescript/protocol';
import { status } from '@grpc/grpc-js';
import type { ExecutionContext } from '../execution/index.js';
import type { Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import { executionContextToWire, failureToWire } from '../wire/index.js';
import { reverseCallLogMessages } from './logMessages.js';
import { failureDetails } from './failureDetails.js';
import { PendingCalls } from './PendingCalls.js';
import type { ReverseCallConnection } from './ReverseCallConnection.js';
import type { ReverseCallEnd } from './ReverseCallEnd.js';
import { ReverseCallEnded } from './ReverseCallEnded.js';
import { ReverseCallIsNotAccepted } from './ReverseCallIsNotAccepted.js';
import { ReverseCallRequestTimedOut } from './ReverseCallRequestTimedOut.js';
import type { ReverseCallProtocol } from './ReverseCallProtocol.js';
import type { ReverseCallStream } from './ReverseCallStream.js';

/** What a connection is made of once its connect arguments have arrived. */
export type ConnectedReverseCallParts<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response, Accepted = void> = {
    readonly id: Guid;
    readonly stream: ReverseCallStream<ClientMessage, RuntimeMessage>;
    readonly protocol: ReverseCallProtocol<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response, Accepted>;
    readonly connectArguments: ConnectArguments;
    readonly executionContext: ExecutionContext;
    readonly headId: Guid;
    readonly pingInterval: number;
    /** How long a call waits for the client's answer before it fails with ReverseCallRequestTimedOut, in milliseconds. */
    readonly requestTimeout: number;
    readonly logger: Logger;
};

/** The reverse-call connection over a gRPC stream: correlates responses by call id and rejects what is pending on end. */
export class ConnectedReverseCall<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response, Accepted = void>
    implements ReverseCallConnection<ConnectArguments, Request, Response, Accepted> {
    readonly id: Guid;
    readonly connectArguments: ConnectArguments;
    readonly executionContext: ExecutionContext;
    readonly headId: Guid;
    readonly pingInterval: number;
    readonly #requestTimeout: number;
    readonly #stream: ReverseCallStream<ClientMessage, RuntimeMessage>;
    readonly #protocol: ReverseCallProtocol<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response, Accepted>;
    readonly #logger: Logger;
    readonly #pending = new PendingCalls<Response>();
    #accepted = false;

    /** Takes over the stream's messages and ending. */
    constructor(parts: ConnectedReverseCallParts<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response, Accepted>) {
        this.id = parts.id;
        this.connectArguments = parts.connectArguments;
        this.executionContext = parts.executionContext;
        this.headId = parts.headId;
        this.pingInterval = parts.pingInterval;
        this.#requestTimeout = parts.requestTimeout;
        this.#stream = parts.stream;
        this.#protocol = parts.protocol;
        this.#logger = parts.logger;
        this.#stream.onMessage = (message) => this.#receive(message);
        void this.#stream.ended.then((end) => this.#onEnded(end));
    }

    get ended(): Promise<ReverseCallEnd> {
        return this.#stream.ended;
    }

    get signal(): AbortSignal {
        return this.#stream.signal;
    }

    accept(accepted: Accepted): void {
        if (this.#accepted || this.#stream.isEnded) {
            return;
        }
        this.#accepted = true;
        this.#stream.write(this.#protocol.connectResponse(undefined, accepted));
        this.#logger.log(reverseCallLogMessages.accepted);
    }

    reject(failure: Failure): void {
        this.#logger.log(reverseCallLogMessages.rejected, { failureId: failure.id, reason: failure.reason });
        if (this.#protocol.rejectsWith === 'connectResponse') {
            this.#stream.write(this.#protocol.connectResponse(failureToWire(failure)));
            this.#stream.endWithOk({ reason: 'rejected', detail: failure.reason });
            return;
        }
        this.#stream.endWithFailure({ reason: 'rejected', detail: failure.reason }, failureDetails(failure.id, failure.reason));
    }

    call(request: Request, executionContext: ExecutionContext, signal?: AbortSignal): Promise<Response> {
        const end = this.#stream.end;
        if (end !== undefined) {
            return Promise.reject(new ReverseCallEnded(this.id, end));
        }
        if (!this.#accepted) {
            return Promise.reject(new ReverseCallIsNotAccepted(this.id));
        }
        const timeout = {
            milliseconds: this.#requestTimeout,
            timedOut: (callId: Guid) => {
                this.#logger.log(reverseCallLogMessages.callTimedOut, { callId, tenantId: executionContext.tenantId, timeout: this.#requestTimeout });
                return new ReverseCallRequestTimedOut(this.id, callId, this.#requestTimeout);
            },
        };
        return this.#pending.start((callId) => {
            const context = { callId: guidToUuid(callId), executionContext: executionContextToWire(executionContext) };
            this.#stream.write(this.#protocol.request(request, context));
            this.#logger.log(reverseCallLogMessages.callSent, { callId, tenantId: executionContext.tenantId });
        }, signal, timeout);
    }

    close(detail = 'the Runtime closed the connection', code: status = status.UNAVAILABLE): void {
        this.#stream.endWithStatus({ reason: 'closed', detail }, code);
    }

    #receive(message: ClientMessage): void {
        const response = this.#protocol.responseOf(message);
        if (response === null || response === undefined) {
            const connectArguments = this.#protocol.connectArgumentsOf(message);
            if (connectArguments !== null && connectArguments !== undefined) {
                this.#logger.log(reverseCallLogMessages.unexpectedConnectArguments);
            }
            return;
        }
        const callId = this.#protocol.responseContextOf(response)?.callId;
        if (callId === null || callId === undefined) {
            this.#logger.log(reverseCallLogMessages.responseWithoutCallContext);
            return;
        }
        let id: Guid;
        try {
            id = uuidToGuid(callId) as Guid;
        } catch (error) {
            this.#logger.log(reverseCallLogMessages.responseWithMalformedCallId, { error: error instanceof Error ? error.message : String(error) });
            return;
        }
        if (!this.#pending.complete(id, response)) {
            this.#logger.log(reverseCallLogMessages.responseForUnknownCall, { callId: id });
        }
    }

    #onEnded(end: ReverseCallEnd): void {
        this.#pending.rejectAll(new ReverseCallEnded(this.id, end));
        if (end.reason === 'clientDisconnected') {
            this.#logger.log(reverseCallLogMessages.clientDisconnected, { detail: end.detail });
        } else if (end.reason === 'closed') {
            this.#logger.log(reverseCallLogMessages.closed, { detail: end.detail });
        } else if (end.reason === 'failed') {
            this.#logger.log(reverseCallLogMessages.streamFailed, { detail: end.detail });
        }
    }
}
