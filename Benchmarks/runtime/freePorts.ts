import { createServer, type Server } from 'node:net';

/** Ports that are free right now on 127.0.0.1 (all held at once while asking, so they differ). */
export async function freePorts(count: number): Promise<ReadonlyArray<number>> {
    const servers: Server[] = [];
    try {
        for (let index = 0; index < count; index++) {
            const server = createServer();
            servers.push(server);
            await new Promise<void>((resolve, reject) => {
                server.once('error', reject);
                server.listen(0, '127.0.0.1', resolve);
            });
        }
        return servers.map((server) => {
            const address = server.address();
            if (address === null || typeof address === 'string') {
                throw new Error(`A server listening on port 0 reported the address ${String(address)}, not a port`);
            }
            return address.port;
        });
    } finally {
        await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
}
