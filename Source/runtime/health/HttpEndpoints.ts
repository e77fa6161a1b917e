import { createServer, type Server } from 'node:http';
import type { Liveness } from './EventLoopWatch.js';
import type { Readiness } from './Readiness.js';

/** What the HTTP endpoints answer besides the probes, e.g. the Prometheus metrics text. */
export type HttpRoutes = ReadonlyMap<string, () => Promise<{ readonly contentType: string; readonly body: string }>>;

/**
 * The HTTP endpoints on the metrics port: `GET /healthz` (liveness: 200 unless the event loop is wedged, see
 * EventLoopWatch; else 503 with the reason) and
 * `GET /readyz` (readiness: 200 only when every tenant's store is open and reachable and the gRPC servers listen,
 * else 503 with the reason).
 */
export class HttpEndpoints {
    readonly #server: Server;

    /** Creates the endpoints; nothing listens until listen(). */
    constructor(readiness: Readiness, routes: HttpRoutes = new Map(), liveness: () => Liveness = () => ({ alive: true })) {
        this.#server = createServer((request, response) => {
            const path = (request.url ?? '/').split('?')[0]?.replace(/\/+$/, '') || '/';
            if (request.method !== 'GET' && request.method !== 'HEAD') {
                response.writeHead(405, { allow: 'GET, HEAD' }).end();
                return;
            }
            if (path === '/healthz') {
                const live = liveness();
                response.writeHead(live.alive ? 200 : 503, { 'content-type': 'text/plain' }).end(live.alive ? 'alive\n' : `${live.reason}\n`);
                return;
            }
            if (path === '/readyz') {
                response.writeHead(readiness.ready ? 200 : 503, { 'content-type': 'text/plain' }).end(`${readiness.reason}\n`);
                return;
            }
            const route = routes.get(path);
            if (route === undefined) {
                response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
                return;
            }
            route().then(
                ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
                (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
            );
        });
    }

    /** Starts listening; resolves with the port (useful when asked for port 0). */
    listen(port: number, host: string): Promise<number> {
        return new Promise((resolve, reject) => {
            this.#server.once('error', reject);
            this.#server.listen(port, host, () => {
                this.#server.off('error', reject);
                const address = this.#server.address();
                resolve(typeof address === 'object' && address !== null ? address.port : port);
            });
        });
    }

    /** Stops listening and closes open connections. */
    close(): Promise<void> {
        return new Promise((resolve) => {
            this.#server.closeAllConnections();
            this.#server.close(() => resolve());
        });
    }
}
