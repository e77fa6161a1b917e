import type { dolittle } from '@dolittle-typescript/protocol';

/**
 * How the client side of the reverse-call engine reads and writes one bidirectional service's messages: the client
 * writes connect arguments (slot 1), responses (2) and pongs (3); the server writes the connect response (1),
 * requests (2) and pings (3). The Runtime is a client when it consumes another Runtime's Event Horizon.
 */
export type ReverseCallClientProtocol<ClientMessage, ServerMessage, ConnectArguments, ConnectResponse, Request, Response> = {
    /** The service, for logs, e.g. `EventHorizon`. */
    readonly kind: string;
    /** The first message: the connect arguments with their call context put in. */
    connect(connectArguments: ConnectArguments, context: dolittle.services.ReverseCallArgumentsContext.$Properties): ClientMessage;
    /** The connect response a server message holds (slot 1), if any. */
    connectResponseOf(message: ServerMessage): ConnectResponse | null | undefined;
    /** The request a server message holds (slot 2), if any. */
    requestOf(message: ServerMessage): Request | null | undefined;
    /** The call context of a request, which names the call to answer. */
    requestContextOf(request: Request): dolittle.services.ReverseCallRequestContext.$Properties | null | undefined;
    /** Whether a server message is a ping (slot 3). */
    isPing(message: ServerMessage): boolean;
    /** A pong (slot 3). */
    pong(): ClientMessage;
    /** A response (slot 2) with the response context put in. */
    response(response: Response, context: dolittle.services.ReverseCallResponseContext.$Properties): ClientMessage;
};
