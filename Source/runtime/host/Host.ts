import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import type { RuntimeConfiguration } from '../configuration/RuntimeConfiguration.js';
import { HttpEndpoints, Readiness, StoreReachability } from '../health/index.js';
import type { Logger } from '../logging/index.js';
import type { Tenants } from '../tenancy/index.js';
import { createGrpcServer } from './createGrpcServer.js';
import { hostLogMessages as messages } from './logMessages.js';
import { openTenants } from './openTenants.js';
import { servicesFor, type RuntimeServices } from './servicesFor.js';

/** The ports the Runtime listens on (the real ones, also when configured as 0). */
export type HostPorts = {
    readonly privatePort: number;
    readonly publicPort: number;
    readonly httpPort: number;
};

/** A started Runtime. */
export type RunningHost = {
    readonly ports: HostPorts;
    readonly tenants: Tenants;
    /** Stops serving: ends reverse calls (so heads reconnect elsewhere), stops processors, closes stores. */
    stop(): Promise<void>;
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
    const http = new HttpEndpoints(readiness);
    const httpPort = await http.listen(configuration.endpoints.httpPort, configuration.endpoints.host);
    logger.log(messages.listening, { endpoint: 'http', port: httpPort, paths: ['/healthz', '/readyz'] });
    let tenants: Tenants;
    try {
        tenants = await openTenants(configuration, runtimeLogger, (tenant, reason) => reachability.unreachable(tenant, reason));
    } catch (error) {
        await http.close();
        throw error;
    }
    const services = servicesFor(configuration, tenants, readiness, runtimeLogger);
    const privateServer = createGrpcServer();
    const publicServer = createGrpcServer();
    for (const service of services.private) {
        privateServer.addService(service.definition, service.implementation);
    }
    for (const service of services.public) {
        publicServer.addService(service.definition, service.implementation);
    }
    let privatePort: number;
    let publicPort: number;
    try {
        privatePort = await bind(privateServer, configuration.endpoints.host, configuration.endpoints.privatePort);
        publicPort = await bind(publicServer, configuration.endpoints.host, configuration.endpoints.publicPort, publicCredentials(configuration.endpoints.publicTls));
    } catch (error) {
        privateServer.forceShutdown();
        publicServer.forceShutdown();
        await Promise.allSettled(tenants.all.map((tenant) => tenant.storage.close()));
        await http.close();
        throw error;
    }
    logger.log(messages.listening, { endpoint: 'private', port: privatePort });
    logger.log(messages.listening, { endpoint: 'public', port: publicPort, tls: configuration.endpoints.publicTls !== undefined });
    readiness.markReady();
    reachability.start(tenants.all.map((tenant) => ({ tenant: tenant.id, probe: () => tenant.storage.probe() })));
    logger.log(messages.ready, { tenants: tenants.all.length });
    return {
        ports: { privatePort, publicPort, httpPort },
        tenants,
        stop: () => {
            reachability.stop();
            return stop(services, [privateServer, publicServer], tenants, http, readiness, logger);
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
): Promise<void> {
    logger.log(messages.stopping);
    readiness.markNotReady('stopping');
    await services.stop();
    await Promise.all(servers.map((server) => shutdown(server)));
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

function bind(server: grpc.Server, host: string, port: number, credentials = grpc.ServerCredentials.createInsecure()): Promise<number> {
    return new Promise((resolve, reject) => {
        server.bindAsync(`${host}:${port}`, credentials, (error, boundPort) => {
            if (error !== null) {
                reject(new PortIsNotAvailable(host, port, error));
                return;
            }
            resolve(boundPort);
        });
    });
}

function shutdown(server: grpc.Server): Promise<void> {
    return new Promise((resolve) => {
        const force = setTimeout(() => server.forceShutdown(), 2_000);
        server.tryShutdown(() => {
            clearTimeout(force);
            resolve();
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

/** Thrown when a gRPC port cannot be listened on (taken, or not allowed). */
export class PortIsNotAvailable extends Error {
    /** Creates the error naming the address. */
    constructor(host: string, port: number, cause: Error) {
        super(`Cannot listen on ${host}:${port}: ${cause.message}`, { cause });
        this.name = 'PortIsNotAvailable';
    }
}
