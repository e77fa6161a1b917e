import { constants, type ClientHttp2Session } from 'node:http2';

const messagePrefixLength = 5;

/** A message as one gRPC frame (uncompressed flag, length, message), ready to send or to keep and send many times. */
export function grpcFrame(message: Uint8Array): Buffer {
    const frame = Buffer.allocUnsafe(messagePrefixLength + message.length);
    frame[0] = 0;
    frame.writeUInt32BE(message.length, 1);
    frame.set(message, messagePrefixLength);
    return frame;
}

/**
 * One unary gRPC call over a node:http2 session (the benchmarks' lean clients: no grpc-js, so that the load generator
 * costs little CPU): sends the frame to the method's path and resolves with the encoded response message. Rejects,
 * saying what failed, on a broken stream or a gRPC status other than OK.
 */
export function unaryCall(session: ClientHttp2Session, path: string, frame: Buffer, what: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const stream = session.request({
            [constants.HTTP2_HEADER_METHOD]: 'POST',
            [constants.HTTP2_HEADER_PATH]: path,
            [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
            te: 'trailers',
        });
        const chunks: Buffer[] = [];
        let status: string | undefined;
        let statusMessage = '';
        const readStatus = (headers: Record<string, unknown>) => {
            if (headers['grpc-status'] !== undefined) {
                status = String(headers['grpc-status']);
                statusMessage = decodeURIComponent(String(headers['grpc-message'] ?? ''));
            }
        };
        stream.on('response', readStatus);
        stream.on('trailers', readStatus);
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', (error) => reject(new Error(`${what} failed: ${error.message}`, { cause: error })));
        stream.on('end', () => {
            if (status !== '0') {
                reject(new Error(`${what} failed with gRPC status ${status ?? '(none)'}: ${statusMessage}`));
                return;
            }
            resolve(Buffer.concat(chunks).subarray(messagePrefixLength));
        });
        stream.end(frame);
    });
}
