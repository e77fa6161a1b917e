import type { status } from '@grpc/grpc-js';
import type { ExecutionContext } from '../execution/index.js';
import type { Failure } from '../failures/index.js';
import type { Guid } from '../guids/index.js';
import type { ReverseCallEnd } from './ReverseCallEnd.js';

/**
 * A client's reverse call after its connect arguments arrived: pings are running, the feature accepts or rejects the
 * connection, then makes calls that the client answers by call id.
 */
export interface ReverseCallConnection<ConnectArguments, Request, Response, Accepted = void> {
    /** The connection's id, a binding on its log messages. */
    readonly id: Guid;
    /** The connect arguments (slot 1 of the first message). */
    readonly connectArguments: ConnectArguments;
    /** The execution context the client connected with. */
    readonly executionContext: ExecutionContext;
    /** The head id the client connected with (the empty GUID when it sent none). */
    readonly headId: Guid;
    /** The ping interval in use, in milliseconds: the client's request within the allowed bounds. */
    readonly pingInterval: number;
    /** Resolves once, when the connection has ended, telling why. */
    readonly ended: Promise<ReverseCallEnd>;
    /** Aborted when the connection ends: hand it to whatever runs for this connection. */
    readonly signal: AbortSignal;
    /** Writes the connect response without failure (with what the service tells on acceptance); calls can be made from then on. Does nothing once ended. */
    accept(accepted: Accepted): void;
    /**
     * Ends the call with status FAILED_PRECONDITION whose details carry the failure id and reason (no connect response:
     * SDK 17 would then register twice; this way it retries once a second), or, for a protocol that rejects with a
     * connect response, writes that response with the failure and ends the call with status OK.
     */
    reject(failure: Failure): void;
    /**
     * Sends a request under a fresh call id with the given execution context, and resolves with the client's response
     * to that id. Rejects with `ReverseCallEnded` when the connection ends first, with `ReverseCallIsNotAccepted`
     * before `accept()`, with the abort reason when `signal` aborts first, and with `ReverseCallRequestTimedOut` when
     * the client has not answered within the request timeout (a late answer is then ignored).
     */
    call(request: Request, executionContext: ExecutionContext, signal?: AbortSignal): Promise<Response>;
    /**
     * Ends the call with an error status (UNAVAILABLE unless told otherwise), never OK, so that the client reconnects
     * after its delay; pending calls are rejected. For shutdown and processing errors.
     */
    close(detail?: string, code?: status): void;
}
