import { createServer, type Server } from 'node:net';

/**
 * Finds ports that are free right now, by listening on port 0 (all at once, so they differ) and closing again.
 *
 * RACY by nature: the ports are free when this returns, and any other process may take one before the program it is
 * meant for binds it. Use it only for a program that cannot bind port 0 and report its port (a throw-away PostgreSQL
 * server, whose socket file is named after its port), and start that program again on fresh ports when the port
 * turned out to be taken. The Runtime binds port 0 and reports its ports: startRuntime and the benchmarks never use this.
 */
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
