// Starts a real gRPC server on port 0 for a test file.
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';

/** A running test server and its address. */
export type TestServer = { readonly server: grpc.Server; readonly address: string };

/** Binds a server with the given services on 127.0.0.1, port 0. */
export async function startServer(configure: (server: grpc.Server) => void): Promise<TestServer> {
    const server = new grpc.Server();
    configure(server);
    const port = await new Promise<number>((resolve, reject) => {
        server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, boundPort) => (error ? reject(error) : resolve(boundPort)));
    });
    // Until `npm install` links grpc-js ^1.14 into this workspace, the root's 1.2 (from the SDK) needs start().
    const { version } = createRequire(import.meta.url)('@grpc/grpc-js/package.json') as { version: string };
    if (/^1\.[0-9]\./.test(version)) {
        server.start();
    }
    return { server, address: `127.0.0.1:${port}` };
}
