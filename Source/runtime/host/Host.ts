import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import type { RuntimeConfiguration } from '../configuration/RuntimeConfiguration.js';
import { EventLoopWatch, HttpEndpoints, Readiness, StoreReachability } from '../health/index.js';
import type { Logger } from '../logging/index.js';
import { RuntimeMetrics } from '../metrics/index.js';
import type { Tenants } from '../tenancy/index.js';
import { createGrpcServer } from './createGrpcServer.js';
import { hostLogMessages as messages } from './logMessages.js';
import { openTenants } from './openTenants.js';
import { servicesFor, type RuntimeServices } from './servicesFor.js';

/** The ports the Runtime listens on (the real ones, also when configured as 0). */
export type HostPorts = {
    readonly privatePort: number;
    readonly publicPort: number;
    readonly managementPort: number;
    readonly httpPort: number;
};

/** A started Runtime. */
export type RunningHost = {
    readonly ports: HostPorts;
    readonly tenants: Tenants;
    /**
     * Stops serving: refuses new calls and ends reverse calls at once (heads reconnect elsewhere; their processors stop
     * after persisting the position of the last event handled), answers the calls in flight (commits), and closes
     * the stores. Calls still open after `drainMilliseconds` are cancelled, so that the stores close in time.
     */
    stop(drainMilliseconds?: number): Promise<void>;
};

/**
 * Starts the Runtime: the HTTP probes first (not ready), then every tenant's store, then the private gRPC server
 * (the SDK's services) and the public one (the Event Horizon's), and only then reports ready. From then on it reports
 * not ready while a tenant's store cannot be reached (see StoreReachability).
 */
export async function startHost(configuration: RuntimeConfiguration, runtimeLogger: Logger): Promise<RunningHost> {
    const logger = runtimeLogger.forCategory('host');
    const readiness = new Readiness();
    const reachability = new StoreReachability(readiness, runtimeLogger.forCategory('health'));
    const metrics = new RuntimeMetrics();
    const eventLoop = new EventLoopWatch();
    const http = new HttpEndpoints(readiness, new Map([['/metrics', () => metrics.text()]]), () => eventLoop.liveness);
    const httpPort = await listenOrName(http, configuration);
    eventLoop.start();
    logger.log(messages.listening, { endpoint: 'http', port: httpPort, paths: ['/healthz', '/readyz', '/metrics'] });
    let tenants: Tenants;
    try {
        tenants = await openTenants(configuration, runtimeLogger, (tenant, reason) => reachability.unreachable(tenant, reason));
    } catch (error) {
        eventLoop.stop();
        await http.close();
        throw error;
    }
    const services = servicesFor(configuration, tenants, readiness, runtimeLogger, metrics.recorders);
    const privateServer = createGrpcServer();
    const publicServer = createGrpcServer();
    const managementServer = createGrpcServer();
    for (const service of services.private) {
        privateServer.addService(service.definition, service.implementation);
    }
    for (const service of services.public) {
        publicServer.addService(service.definition, service.implementation);
    }
    for (const service of services.management) {
        managementServer.addService(service.definition, service.implementation);
    }
    let privatePort: number;
    let publicPort: number;
    let managementPort: number;
    try {
        privatePort = await bind(privateServer, configuration.endpoints.host, configuration.endpoints.privatePort, configuration.portSources.privatePort);
        publicPort = await bind(publicServer, configuration.endpoints.host, configuration.endpoints.publicPort, configuration.portSources.publicPort, publicCredentials(configuration.endpoints.publicTls));
        managementPort = await bind(managementServer, configuration.endpoints.host, configuration.endpoints.managementPort, configuration.portSources.managementPort);
    } catch (error) {
        privateServer.forceShutdown();
        publicServer.forceShutdown();
        managementServer.forceShutdown();
        await Promise.allSettled(tenants.all.map((tenant) => tenant.storage.close()));
        eventLoop.stop();
        await http.close();
        throw error;
    }
    logger.log(messages.listening, { endpoint: 'private', port: privatePort });
    logger.log(messages.listening, { endpoint: 'public', port: publicPort, tls: configuration.endpoints.publicTls !== undefined });
    logger.log(messages.listening, { endpoint: 'management', port: managementPort });
    readiness.markReady();
    reachability.start(tenants.all.map((tenant) => ({ tenant: tenant.id, probe: () => tenant.storage.probe() })));
    logger.log(messages.ready, { tenants: tenants.all.length });
    return {
        ports: { privatePort, publicPort, managementPort, httpPort },
        tenants,
        stop: async (drainMilliseconds = 10_000) => {
            reachability.stop();
            await stop(services, [privateServer, publicServer, managementServer], tenants, http, readiness, logger, drainMilliseconds);
            eventLoop.stop();
        },
    };
}

async function stop(
    services: RuntimeServices,
    servers: ReadonlyArray<grpc.Server>,
    tenants: Tenants,
    http: HttpEndpoints,
    readiness: Readiness,
    logger: Logger,
    drainMilliseconds: number,
): Promise<void> {
    logger.log(messages.stopping, { drainMilliseconds });
    readiness.markNotReady('stopping');
    // New calls are refused from now on; the calls in flight (commits) are answered, and the reverse calls end at
    // once, their processors stopping after the event in hand (its position is persisted before the next is read).
    const draining = servers.map((server) => shutdown(server, drainMilliseconds));
    await services.stop();
    const cancelled = (await Promise.all(draining)).filter((forced) => forced).length;
    if (cancelled > 0) {
        logger.log(messages.callsCancelled, { drainMilliseconds });
    }
    await Promise.allSettled(tenants.all.map((tenant) => tenant.storage.close()));
    await http.close();
    logger.log(messages.stopped);
}

/** Plain text, or TLS with the certificate and key files endpoints.json names for the public port. */
function publicCredentials(tls: RuntimeConfiguration['endpoints']['publicTls']): grpc.ServerCredentials {
    if (tls === undefined) {
        return grpc.ServerCredentials.createInsecure();
    }
    let files: { readonly certificate: Buffer; readonly key: Buffer };
    try {
        files = { certificate: readFileSync(tls.certificate), key: readFileSync(tls.key) };
    } catch (error) {
        throw new TlsFilesCannotBeRead(tls, error);
    }
    return grpc.ServerCredentials.createSsl(null, [{ cert_chain: files.certificate, private_key: files.key }], false);
}

function bind(server: grpc.Server, host: string, port: number, source: string, credentials = grpc.ServerCredentials.createInsecure()): Promise<number> {
    return new Promise((resolve, reject) => {
        server.bindAsync(`${host}:${port}`, credentials, (error, boundPort) => {
            if (error !== null) {
                reject(new PortIsNotAvailable(host, port, source, error));
                return;
            }
            resolve(boundPort);
        });
    });
}

async function listenOrName(http: HttpEndpoints, configuration: RuntimeConfiguration): Promise<number> {
    const { host, httpPort } = configuration.endpoints;
    try {
        return await http.listen(httpPort, host);
    } catch (error) {
        throw new PortIsNotAvailable(host, httpPort, configuration.portSources.httpPort, error instanceof Error ? error : new Error(String(error)));
    }
}

// Resolves with whether the server had to be forced: calls still open after the drain time are cancelled.
function shutdown(server: grpc.Server, drainMilliseconds: number): Promise<boolean> {
    return new Promise((resolve) => {
        const force = setTimeout(() => {
            server.forceShutdown();
            resolve(true);
        }, drainMilliseconds);
        server.tryShutdown(() => {
            clearTimeout(force);
            resolve(false);
        });
    });
}

/** Thrown when the public endpoint's TLS certificate or key (endpoints.json) cannot be read. */
export class TlsFilesCannotBeRead extends Error {
    /** Creates the error naming both files and what reading them said. */
    constructor(files: { readonly certificate: string; readonly key: string }, cause: unknown) {
        super(`The public endpoint's TLS certificate ${files.certificate} or key ${files.key} (endpoints.json public.certificate and public.key) cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        this.name = 'TlsFilesCannotBeRead';
    }
}


/** Thrown when a port cannot be listened on (taken, or not allowed); names where the port was configured. */
export class PortIsNotAvailable extends Error {
    /** Creates the error naming the address and `source`: the file and key, or the default, that set the port. */
    constructor(host: string, port: number, source: string, cause: Error) {
        super(`Cannot listen on ${host}:${port} (set by ${source}): ${cause.message}`, { cause });
        this.name = 'PortIsNotAvailable';
    }
}
