import type { dolittle } from '@dolittle-typescript/protocol';
import type { Guid } from '../guids/index.js';

/**
 * How the reverse-call engine reads and writes one bidirectional service's messages. Every service has the same three
 * oneof slots on each side: the client writes connect arguments (1), responses (2) and pongs (3); the Runtime writes
 * the connect response (1), requests (2) and pings (3).
 */
export type ReverseCallProtocol<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response, Accepted = void> = {
    /** The service, for logs, e.g. `EventHandlers`. */
    readonly kind: string;
    /** The failure id written when the connect arguments are missing or malformed, e.g. FailedToRegisterEventHandler. */
    readonly connectFailureId: Guid;
    /** The connect arguments a client message holds (slot 1), if any. */
    connectArgumentsOf(message: ClientMessage): ConnectArguments | null | undefined;
    /** The call context of the connect arguments: execution context, head id and ping interval. */
    argumentsContextOf(connectArguments: ConnectArguments): dolittle.services.ReverseCallArgumentsContext.$Properties | null | undefined;
    /** The response a client message holds (slot 2), if any. */
    responseOf(message: ClientMessage): Response | null | undefined;
    /** The call context of a response, which names the call it answers. */
    responseContextOf(response: Response): dolittle.services.ReverseCallResponseContext.$Properties | null | undefined;
    /** The connect response (slot 1): no failure accepts the connection (with what the service tells on acceptance), a failure refuses it. */
    connectResponse(failure: dolittle.protobuf.Failure.$Properties | undefined, accepted?: Accepted): RuntimeMessage;
    /**
     * How a rejection reaches the client: by default an error status carrying the failure (what SDK 17 handles best);
     * 'connectResponse' writes the connect response with the failure and ends the call with status OK, which is what
     * a Runtime consuming the Event Horizon reads.
     */
    readonly rejectsWith?: 'status' | 'connectResponse';
    /** A request (slot 2), with the request context put in its `callContext` field. */
    request(request: Request, context: dolittle.services.ReverseCallRequestContext.$Properties): RuntimeMessage;
    /** A ping (slot 3). */
    ping(): RuntimeMessage;
};
