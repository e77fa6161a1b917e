import { connect, constants, type ClientHttp2Session } from 'node:http2';

const messagePrefixLength = 5;

/** A unary call that did not complete: when it was sent, its outcome is unknown (the Runtime may or may not have done it). */
export class CallDidNotComplete extends Error {
    /** False when the request never left this process (the Runtime was down): then nothing can have been done. */
    readonly sent: boolean;

    constructor(message: string, sent: boolean) {
        super(message);
        this.sent = sent;
    }
}

/**
 * A lean unary gRPC client over one HTTP/2 connection (node:http2, the protocol's generated messages): the writers
 * of a torture run are many, and must cost little CPU. A connection that broke is replaced on the next call.
 */
export class UnaryConnection {
    readonly #address: () => string | undefined;
    #session: ClientHttp2Session | undefined;
    #sessionAddress: string | undefined;

    /** Connects lazily to the address the function gives at the time of each call (it changes when the Runtime restarts). */
    constructor(address: () => string | undefined) {
        this.#address = address;
    }

    /** Sends one encoded request to a method path; resolves with the encoded response, or rejects with CallDidNotComplete. */
    call(path: string, request: Uint8Array, timeoutMilliseconds = 30_000): Promise<Buffer> {
        const session = this.#sessionNow();
        if (session === undefined) {
            return Promise.reject(new CallDidNotComplete('The Runtime is not running', false));
        }
        const frame = Buffer.allocUnsafe(messagePrefixLength + request.length);
        frame[0] = 0;
        frame.writeUInt32BE(request.length, 1);
        frame.set(request, messagePrefixLength);
        return new Promise((resolve, reject) => {
            let stream;
            try {
                stream = session.request({
                    [constants.HTTP2_HEADER_METHOD]: 'POST',
                    [constants.HTTP2_HEADER_PATH]: path,
                    [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
                    te: 'trailers',
                });
            } catch (error) {
                this.#drop(session);
                reject(new CallDidNotComplete(`The call could not start: ${String(error)}`, false));
                return;
            }
            stream.setTimeout(timeoutMilliseconds, () => stream.close(constants.NGHTTP2_CANCEL));
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
            stream.on('error', (error) => {
                this.#drop(session);
                reject(new CallDidNotComplete(`The call broke: ${error.message}`, true));
            });
            stream.on('close', () => {
                if (status !== '0') {
                    reject(new CallDidNotComplete(`The call ended with gRPC status ${status ?? '(none)'}: ${statusMessage}`, true));
                    return;
                }
                resolve(Buffer.concat(chunks).subarray(messagePrefixLength));
            });
            stream.end(frame);
        });
    }

    /** Closes the connection. */
    close(): void {
        this.#session?.close();
        this.#session = undefined;
    }

    #sessionNow(): ClientHttp2Session | undefined {
        const address = this.#address();
        if (address === undefined) {
            return undefined;
        }
        if (this.#session === undefined || this.#session.closed || this.#session.destroyed || this.#sessionAddress !== address) {
            this.#session?.destroy();
            const session = connect(`http://${address}`, { maxSessionMemory: 1_000 });
            session.on('error', () => this.#drop(session));
            session.on('goaway', () => this.#drop(session));
            this.#session = session;
            this.#sessionAddress = address;
        }
        return this.#session;
    }

    #drop(session: ClientHttp2Session): void {
        if (this.#session === session) {
            this.#session = undefined;
        }
        session.destroy();
    }
}
