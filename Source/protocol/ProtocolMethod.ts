/** A generated message type: its static encoder for plain objects and its decoder. */
export type MessageType<Properties, Decoded> = {
    encode(message: Properties): { finish(): Uint8Array };
    decode(bytes: Uint8Array): Decoded;
};

/**
 * One gRPC method of the protocol, shaped as a `@grpc/grpc-js` `MethodDefinition`: the path, the streaming kind, and
 * the generated encoders and decoders. Requests and responses are written as plain objects (`…Properties`) and read
 * as decoded messages.
 */
export type ProtocolMethod<RequestProperties, Request, ResponseProperties, Response> = {
    readonly path: string;
    readonly originalName: string;
    readonly requestStream: boolean;
    readonly responseStream: boolean;
    readonly requestSerialize: (request: RequestProperties) => Buffer;
    readonly requestDeserialize: (bytes: Buffer) => Request;
    readonly responseSerialize: (response: ResponseProperties) => Buffer;
    readonly responseDeserialize: (bytes: Buffer) => Response;
};

/** The streaming kinds of gRPC methods. */
export type MethodKind = 'unary' | 'serverStreaming' | 'bidirectionalStreaming';

/** The decoded message a method receives on the server side. */
export type RequestOf<Method> = Method extends ProtocolMethod<unknown, infer Request, never, unknown> ? Request : never;

/** The decoded message a method receives on the client side. */
export type ResponseOf<Method> = Method extends ProtocolMethod<never, unknown, unknown, infer Response> ? Response : never;

/** The plain object a client writes to a method. */
export type RequestPropertiesOf<Method> = Method extends ProtocolMethod<infer Properties, unknown, never, unknown> ? Properties : never;

/** The plain object a server writes to a method. */
export type ResponsePropertiesOf<Method> = Method extends ProtocolMethod<never, unknown, infer Properties, unknown> ? Properties : never;

function encoderOf<Properties>(type: MessageType<Properties, unknown>): (message: Properties) => Buffer {
    return (message) => {
        const bytes = type.encode(message).finish();
        // protobufjs writes Node Buffers on Node; the copy-free view covers any other Uint8Array.
        return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    };
}

function decoderOf<Decoded>(type: MessageType<never, Decoded>): (bytes: Buffer) => Decoded {
    // A throwing decoder is safe: grpc-js turns it into an error status for that call only.
    return (bytes) => type.decode(bytes);
}

/** Defines a protocol method from its full path (`/package.Service/Method`), kind and message types. */
export function defineMethod<RequestProperties, Request, ResponseProperties, Response>(
    path: string,
    kind: MethodKind,
    requestType: MessageType<RequestProperties, Request>,
    responseType: MessageType<ResponseProperties, Response>,
): ProtocolMethod<RequestProperties, Request, ResponseProperties, Response> {
    return Object.freeze({
        path,
        originalName: path.slice(path.lastIndexOf('/') + 1),
        requestStream: kind === 'bidirectionalStreaming',
        responseStream: kind !== 'unary',
        requestSerialize: encoderOf(requestType),
        requestDeserialize: decoderOf(requestType),
        responseSerialize: encoderOf(responseType),
        responseDeserialize: decoderOf(responseType),
    });
}

/** The fully qualified name of the service of a definition, e.g. `dolittle.runtime.events.EventStore` ('' if it has no methods). */
export function serviceNameOf(service: Readonly<Record<string, { readonly path: string }>>): string {
    const path = Object.values(service)[0]?.path ?? '/';
    return path.slice(1, path.lastIndexOf('/'));
}
