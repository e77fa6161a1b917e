import { durationToMilliseconds, guidToUuid } from '@dolittle-typescript/protocol';
import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import { newGuid } from '../guids/index.js';
import type { Logger } from '../logging/index.js';
import type { ReverseCallMetrics } from '../metrics/index.js';
import { executionContextFromWire, guidFromWire } from '../wire/index.js';
import { ConnectedReverseCall } from './ConnectedReverseCall.js';
import { failureDetails } from './failureDetails.js';
import { reverseCallLogMessages } from './logMessages.js';
import type { ReverseCallConnection } from './ReverseCallConnection.js';
import type { ReverseCallProtocol } from './ReverseCallProtocol.js';
import { ReverseCallStream } from './ReverseCallStream.js';

/** The bounds a client's ping interval is clamped to, in milliseconds. */
export type PingIntervalBounds = { readonly minimum: number; readonly maximum: number };

/** The default ping interval bounds: 100 ms to 60 s (SDK 17 asks for 1 s, a consumer Runtime for 10 s). */
export const defaultPingIntervalBounds: PingIntervalBounds = Object.freeze({ minimum: 100, maximum: 60_000 });

/** Settings of the reverse-call engine, for tests and tuning. */
export type ReverseCallOptions = {
    /** The bounds the client's ping interval is clamped to. */
    readonly pingIntervalBounds?: PingIntervalBounds;
    /** How long to wait for the connect arguments before refusing the call, in milliseconds (default 60 s). */
    readonly connectTimeout?: number;
    /** How long a request waits for the client's answer before it fails, in milliseconds (default: defaultRequestTimeout). */
    readonly requestTimeout?: number;
    /** Where pings and keepalive timeouts are counted. */
    readonly metrics?: ReverseCallMetrics;
};

/**
 * How long the Runtime waits for a head to answer one processing request: two minutes. A head that still answers
 * pings but never answers a request would otherwise stall its processor silently; after the timeout the request
 * counts as a failed attempt, is logged, and is retried. The SDK handles requests concurrently, so a slow handler
 * delays only its own request.
 */
export const defaultRequestTimeout = 120_000;

const notReceived = 'Connection arguments were not received';

/**
 * Reads a reverse call's first message (pongs skipped) and starts pinging at the client's interval. Resolves with the
 * connection for the feature to accept or reject; or, when the stream ends first or the connect arguments or their
 * call context, execution context or ping interval are missing or malformed, ends the call with status
 * FAILED_PRECONDITION carrying the protocol's failure id and reason, and resolves with undefined. Aborting `shutdown` ends the call with
 * status UNAVAILABLE at any time, so that the client reconnects; connection id, service and head id are log bindings.
 */
export function connectReverseCall<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response, Accepted = void>(
    call: ServerDuplexStream<ClientMessage, RuntimeMessage>,
    protocol: ReverseCallProtocol<ClientMessage, RuntimeMessage, ConnectArguments, Request, Response, Accepted>,
    shutdown: AbortSignal,
    logger: Logger,
    options: ReverseCallOptions = {},
): Promise<ReverseCallConnection<ConnectArguments, Request, Response, Accepted> | undefined> {
    const id = newGuid();
    const callLogger = logger.withBindings({ connectionId: id, service: protocol.kind });
    const stream = new ReverseCallStream(call, callLogger, () => protocol.ping(), options.metrics);
    const bounds = options.pingIntervalBounds ?? defaultPingIntervalBounds;
    const connectTimeout = options.connectTimeout ?? 60_000;
    callLogger.log(reverseCallLogMessages.opened);

    return new Promise((resolve) => {
        const refuse = (reason: string) => {
            callLogger.log(reverseCallLogMessages.refused, { reason });
            if (protocol.rejectsWith === 'connectResponse') {
                stream.write(protocol.connectResponse({ id: guidToUuid(protocol.connectFailureId), reason }));
                stream.endWithOk({ reason: 'refused', detail: reason });
                return;
            }
            stream.endWithFailure({ reason: 'refused', detail: reason }, failureDetails(protocol.connectFailureId, reason));
        };
        const timeout = setTimeout(() => refuse(`${notReceived} within ${connectTimeout} ms`), connectTimeout).unref();
        const onAbort = () => stream.endWithStatus({ reason: 'closed', detail: 'the Runtime is shutting down' }, status.UNAVAILABLE);
        shutdown.addEventListener('abort', onAbort, { once: true });
        if (shutdown.aborted) {
            onAbort();
        }
        void stream.ended.then(() => {
            clearTimeout(timeout);
            shutdown.removeEventListener('abort', onAbort);
            resolve(undefined);
        });

        const endWhenClientEnds = stream.onClientEnd;
        stream.onClientEnd = () => refuse(`${notReceived}: the client ended the stream before sending them`);
        stream.onMessage = (message) => {
            const connectArguments = protocol.connectArgumentsOf(message);
            if (connectArguments === null || connectArguments === undefined) {
                if (protocol.responseOf(message) !== null && protocol.responseOf(message) !== undefined) {
                    refuse(`${notReceived}: the first message was a response`);
                }
                return;
            }
            const context = protocol.argumentsContextOf(connectArguments);
            if (context === null || context === undefined) {
                refuse(`${notReceived}: the connect arguments have no call context`);
                return;
            }
            if (context.executionContext === null || context.executionContext === undefined) {
                refuse(`${notReceived}: the call context has no execution context`);
                return;
            }
            const requestedInterval = durationToMilliseconds(context.pingInterval);
            if (requestedInterval === undefined) {
                refuse(`${notReceived}: the call context has no ping interval`);
                return;
            }
            let parts;
            try {
                parts = {
                    executionContext: executionContextFromWire(context.executionContext, 'callContext.executionContext'),
                    headId: guidFromWire(context.headId, 'callContext.headId'),
                };
            } catch (error) {
                refuse(`Connection arguments are malformed: ${error instanceof Error ? error.message : String(error)}`);
                return;
            }
            const pingInterval = Math.min(bounds.maximum, Math.max(bounds.minimum, requestedInterval));
            const connectionLogger = callLogger.withBindings({ headId: parts.headId });
            if (pingInterval !== requestedInterval) {
                connectionLogger.log(reverseCallLogMessages.pingIntervalClamped, { requested: requestedInterval, used: pingInterval });
            }
            clearTimeout(timeout);
            stream.onClientEnd = endWhenClientEnds;
            stream.startPinging(pingInterval);
            connectionLogger.log(reverseCallLogMessages.connected, { pingInterval, tenantId: parts.executionContext.tenantId });
            const requestTimeout = options.requestTimeout ?? defaultRequestTimeout;
            resolve(new ConnectedReverseCall({ id, stream, protocol, connectArguments, ...parts, pingInterval, requestTimeout, logger: connectionLogger }));
        };
    });
}
