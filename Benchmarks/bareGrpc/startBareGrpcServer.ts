import { ForkedScript } from '../processes/ForkedScript.js';
import type { BareGrpcMessage } from './BareGrpcMessage.js';

/** Starts the bare gRPC server in a process of its own and resolves with it and the port it listens on. */
export async function startBareGrpcServer(roundTrips: number): Promise<{ readonly server: ForkedScript<BareGrpcMessage>; readonly port: number }> {
    const server = new ForkedScript<BareGrpcMessage>(new URL('./bareGrpcServer.ts', import.meta.url), { roundTrips });
    try {
        const listening = await server.next(['listening', 'failed'], 30_000);
        if (listening.kind === 'failed') {
            throw new Error(`The bare gRPC server could not listen: ${listening.reason}`);
        }
        return { server, port: listening.port };
    } catch (error) {
        await server.stop();
        throw error;
    }
}
