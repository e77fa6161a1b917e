import * as grpc from '@grpc/grpc-js';
import { uuidToGuid, type dolittle, type ProtocolMethod } from '@dolittle-typescript/protocol';

/** How long a unary call may take before the Runtime counts as not answering. */
const callDeadline = 15_000;

/** Thrown when the management API cannot be reached at the address given. */
export class RuntimeIsNotReachable extends Error {
    /** Creates the error naming the address and what gRPC said. */
    constructor(readonly address: string, detail: string) {
        super(`Cannot reach the Runtime's management API at ${address} (${detail}); is the Runtime running, and is --runtime right?`);
        this.name = 'RuntimeIsNotReachable';
    }
}

/** Thrown when the Runtime answered a call with a failure: nothing was changed. */
export class RuntimeRefused extends Error {
    /** Creates the error with the Runtime's reason. */
    constructor(readonly reason: string, readonly failureId: string) {
        super(reason);
        this.name = 'RuntimeRefused';
    }
}

type Answer = { readonly failure?: dolittle.protobuf.Failure.$Properties | null };

/** A connection to a Runtime's management API: unary calls that throw on failures, and server streams. */
export class ManagementClient {
    readonly #client: grpc.Client;
    readonly #address: string;

    /** Connects (lazily) to `host:port`. */
    constructor(address: string) {
        this.#address = address;
        this.#client = new grpc.Client(address, grpc.credentials.createInsecure());
    }

    /** Calls a unary method; rejects with RuntimeRefused when the answer carries a failure, RuntimeIsNotReachable when nothing answers. */
    call<RequestProperties, ResponseProperties, Response extends Answer>(
        method: ProtocolMethod<RequestProperties, unknown, ResponseProperties, Response>,
        request: RequestProperties,
    ): Promise<Response> {
        return new Promise((resolve, reject) => {
            this.#client.makeUnaryRequest(
                method.path,
                method.requestSerialize,
                method.responseDeserialize,
                request,
                new grpc.Metadata(),
                { deadline: Date.now() + callDeadline },
                (error, response) => {
                    if (error !== null || response === undefined) {
                        reject(this.#callError(error));
                        return;
                    }
                    const failure = response.failure;
                    if (failure !== undefined && failure !== null && (failure.reason ?? '') !== '') {
                        reject(new RuntimeRefused(failure.reason ?? '', failureIdText(failure)));
                        return;
                    }
                    resolve(response);
                },
            );
        });
    }

    /** Opens a server stream; each answer is handed to `received` until the stream ends, fails, or `signal` aborts. */
    stream<RequestProperties, ResponseProperties, Response extends Answer>(
        method: ProtocolMethod<RequestProperties, unknown, ResponseProperties, Response>,
        request: RequestProperties,
        received: (response: Response) => void,
        signal: AbortSignal,
    ): Promise<void> {
        return new Promise((resolve, reject) => {
            const call = this.#client.makeServerStreamRequest(method.path, method.requestSerialize, method.responseDeserialize, request);
            const cancel = (): void => call.cancel();
            signal.addEventListener('abort', cancel, { once: true });
            call.on('data', (response: Response) => {
                const failure = response.failure;
                if (failure !== undefined && failure !== null && (failure.reason ?? '') !== '') {
                    reject(new RuntimeRefused(failure.reason ?? '', failureIdText(failure)));
                    return;
                }
                received(response);
            });
            call.on('error', (error: grpc.ServiceError) => {
                signal.removeEventListener('abort', cancel);
                if (signal.aborted && error.code === grpc.status.CANCELLED) {
                    resolve();
                    return;
                }
                reject(this.#callError(error));
            });
            call.on('end', () => {
                signal.removeEventListener('abort', cancel);
                resolve();
            });
        });
    }

    /** Closes the connection. */
    close(): void {
        this.#client.close();
    }

    #callError(error: grpc.ServiceError | null): Error {
        if (error === null) {
            return new Error('The Runtime answered nothing');
        }
        if (error.code === grpc.status.UNAVAILABLE || error.code === grpc.status.DEADLINE_EXCEEDED) {
            return new RuntimeIsNotReachable(this.#address, (error.details || grpc.status[error.code]).replace(/\.?\s*Resolution note:.*$/s, ''));
        }
        if (error.code === grpc.status.UNIMPLEMENTED) {
            return new RuntimeIsNotReachable(this.#address, `it does not serve the management API: ${error.details}`);
        }
        return new Error(`The call failed: ${error.details || grpc.status[error.code]}`);
    }
}

function failureIdText(failure: dolittle.protobuf.Failure.$Properties): string {
    return failure.id === null || failure.id === undefined ? '' : uuidToGuid(failure.id);
}
