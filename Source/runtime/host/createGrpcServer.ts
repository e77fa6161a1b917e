import type { ServerOptions as Http2ServerOptions } from 'node:http2';
import * as grpc from '@grpc/grpc-js';
import { unsupportedNodeReason } from './supportedNode.js';

/** The gRPC settings of the Runtime's servers: HTTP/2 keepalive as the original Runtime, bounded message sizes. */
const grpcOptions: grpc.ServerOptions = {
    'grpc.keepalive_time_ms': 10_000,
    'grpc.keepalive_timeout_ms': 5_000,
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.http2.min_ping_interval_without_data_ms': 1_000,
    'grpc.max_receive_message_length': 4 * 1024 * 1024,
    'grpc.max_send_message_length': 64 * 1024 * 1024,
};

/**
 * How many streams a client may reset: a burst, then a steady rate per second. Node's default (1,000, then 33 a
 * second) is a guard against the HTTP/2 "rapid reset" attack, but the official SDK 17 (grpc-js 1.2.12) resets streams
 * as part of ordinary calls, so a busy head passed it and the server ended the whole session with GOAWAY: calls in
 * flight failed while their events were stored. These bounds still end a session that resets far faster than any head
 * does its calls.
 */
export const streamResetLimit = { burst: 100_000, perSecond: 10_000 } as const;

/** Creates a gRPC server with the Runtime's settings and the HTTP/2 stream reset limit raised for its sessions. */
export function createGrpcServer(streamResets: { readonly burst: number; readonly perSecond: number } = streamResetLimit): grpc.Server {
    const unsupported = unsupportedNodeReason(process.version);
    if (unsupported !== undefined) {
        throw new NodeIsTooOld(unsupported);
    }
    const server = new grpc.Server(grpcOptions);
    const sessionOptions = http2OptionsOf(server);
    Object.assign(sessionOptions, { streamResetBurst: streamResets.burst, streamResetRate: streamResets.perSecond });
    return server;
}

/**
 * grpc-js builds the options of its HTTP/2 server itself and passes none of these through, so they are added to the
 * object it keeps for that (it is read when the server binds). Should a grpc-js release keep them elsewhere, the
 * Runtime refuses to start rather than run with the limit that ends busy sessions.
 */
function http2OptionsOf(server: grpc.Server): Http2ServerOptions {
    const options: unknown = Reflect.get(server, 'commonServerOptions');
    if (typeof options !== 'object' || options === null) {
        throw new GrpcServerOptionsAreNotReachable();
    }
    return options;
}

/** Thrown when the installed grpc-js no longer keeps its HTTP/2 server options where the Runtime adds its own. */
export class GrpcServerOptionsAreNotReachable extends Error {
    /** Creates the error naming what was looked for. */
    constructor() {
        super('The installed @grpc/grpc-js keeps no commonServerOptions object on its Server, so the Runtime cannot raise the HTTP/2 stream reset limit for its sessions');
        this.name = 'GrpcServerOptionsAreNotReachable';
    }
}

/** Thrown when the Runtime runs on a Node.js that would ignore the raised stream reset limit. */
export class NodeIsTooOld extends Error {
    /** Creates the error with the reason that names the version found and what to do. */
    constructor(reason: string) {
        super(reason);
        this.name = 'NodeIsTooOld';
    }
}
