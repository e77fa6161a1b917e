import { createServer, connect, type Server, type Socket } from 'node:net';

/** Where a cut strikes: before a matching message reaches the server, or after the server's matching answer left it. */
export type Cut = {
    readonly when: 'request' | 'answer';
    /** Text the message holds, e.g. `INSERT 0` (the tag of an INSERT's CommandComplete) or `COMMIT`. */
    readonly holding: string;
    /** Whether connections are refused after the cut, as when the server stays down. */
    readonly thenRefuse: boolean;
};

/**
 * A TCP relay in front of a PostgreSQL server that breaks a connection at a chosen message: the way a crash of the
 * server or of the network looks to the driver, but at an exact point (e.g. after the server committed, before its
 * answer arrives), which a real crash cannot be timed to hit.
 */
export class ConnectionCutter {
    readonly #server: Server;
    readonly #sockets = new Set<Socket>();
    #cut: Cut | undefined;
    #refusing = false;
    #cuts = 0;

    private constructor(server: Server) {
        this.#server = server;
    }

    /** Starts relaying from a free port on 127.0.0.1 to the given server. */
    static async start(target: { readonly host: string; readonly port: number }): Promise<ConnectionCutter> {
        const server = createServer();
        const cutter = new ConnectionCutter(server);
        server.on('connection', (client) => cutter.#relay(client, target));
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        return cutter;
    }

    /** The port the relay listens on. */
    get port(): number {
        const address = this.#server.address();
        return typeof address === 'object' && address !== null ? address.port : 0;
    }

    /** How many connections were cut. */
    get cuts(): number {
        return this.#cuts;
    }

    /** Cuts the first connection that carries a matching message from now on (once). */
    arm(cut: Cut): void {
        this.#cut = cut;
    }

    /** Accepts connections again after a cut that refused them. */
    accept(): void {
        this.#refusing = false;
    }

    /** Ends every relayed connection and stops listening. */
    async stop(): Promise<void> {
        this.#sockets.forEach((socket) => socket.destroy());
        await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    }

    #relay(client: Socket, target: { readonly host: string; readonly port: number }): void {
        if (this.#refusing) {
            client.destroy();
            return;
        }
        const server = connect(target.port, target.host);
        for (const socket of [client, server]) {
            this.#sockets.add(socket);
            socket.on('error', () => undefined);
            socket.on('close', () => {
                this.#sockets.delete(socket);
                client.destroy();
                server.destroy();
            });
        }
        const forward = (from: 'request' | 'answer', to: Socket) => (data: Buffer): void => {
            const cut = this.#cut;
            if (cut !== undefined && cut.when === from && data.includes(cut.holding)) {
                this.#cut = undefined;
                this.#cuts += 1;
                this.#refusing = cut.thenRefuse;
                client.destroy();
                server.destroy();
                return;
            }
            to.write(data);
        };
        client.on('data', forward('request', server));
        server.on('data', forward('answer', client));
    }
}
