import { uuidToGuid, type dolittle, type ProtocolMethod } from '@dolittle-typescript/protocol';

/** The call context a reverse call's registration carries (execution context, head id, ping interval). */
export type ReverseCallArguments = dolittle.services.ReverseCallArgumentsContext.$Properties;

/** The call context of one request, whose call id the response echoes. */
export type ReverseCallRequestContext = dolittle.services.ReverseCallRequestContext.$Properties;

/** What a message from the Runtime on a reverse call is. */
export type RuntimeMessage<Request> =
    | { readonly kind: 'registered'; readonly failure?: { readonly id: string; readonly reason: string } }
    | { readonly kind: 'request'; readonly callContext: ReverseCallRequestContext; readonly request: Request }
    | { readonly kind: 'ping' }
    | { readonly kind: 'unknown' };

/**
 * The shape of one kind of reverse call (event handlers, filters, projections, …): its method, how its registration,
 * responses and pongs are written, and how the Runtime's messages are read. The engine (ReverseCall) is the same for all.
 */
export type ReverseCallProtocol<ClientMessage, ServerMessage, Request, Response> = {
    /** What the processor is, for logs and errors: 'event handler', 'filter', …. */
    readonly kind: string;
    readonly method: ProtocolMethod<ClientMessage, unknown, never, ServerMessage>;
    /** The first message: the registration request with the given call context. */
    register(callContext: ReverseCallArguments): ClientMessage;
    /** Reads a message of the Runtime. */
    read(message: ServerMessage): RuntimeMessage<Request>;
    /** The message that answers a request (the call id is in the response context). */
    respond(callContext: { readonly callId: ReverseCallRequestContext['callId'] }, response: Response): ClientMessage;
    /** The message that answers a ping. */
    pong(): ClientMessage;
};

/** What every Runtime-to-client message of a reverse call has besides its request: pings and the registration's answer. */
type RuntimeMessageOnTheWire = {
    readonly ping?: unknown;
    readonly registrationResponse?: { readonly failure?: dolittle.protobuf.Failure.$Properties | null } | null;
};

/** Reads a Runtime message of any reverse call, given the request it carries (its field name differs by kind). */
export function readRuntimeMessage<Request extends { readonly callContext?: ReverseCallRequestContext | null }>(message: RuntimeMessageOnTheWire, request: Request | null | undefined): RuntimeMessage<Request> {
    if (request) {
        return { kind: 'request', callContext: request.callContext ?? {}, request };
    }
    if (message.ping) {
        return { kind: 'ping' };
    }
    if (message.registrationResponse) {
        const failure = message.registrationResponse.failure;
        return failure ? { kind: 'registered', failure: { id: uuidToGuid(failure.id), reason: failure.reason ?? '' } } : { kind: 'registered' };
    }
    return { kind: 'unknown' };
}
