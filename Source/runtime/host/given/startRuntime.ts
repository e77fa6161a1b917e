import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentTenant } from './developmentTenant.js';
import { httpStatus } from './httpStatus.js';
import { reportListeningPorts, type ListeningPorts } from './listeningPorts.js';
import { resourcesFor } from './resourcesFor.js';
import { checkBuildIsCurrent, runtimeMain } from './runtimeBuild.js';
import { RuntimeProcess } from './RuntimeProcess.js';
import type { RuntimeOptions } from './RuntimeOptions.js';
import type { RuntimeUnderTest } from './RuntimeUnderTest.js';
import { writeEndpoints, writeRuntimeConfiguration } from './writeRuntimeConfiguration.js';

/** Ports of 0: the Runtime binds whatever the system gives it and reports the ports in its log. */
const anyPorts: ListeningPorts = { privatePort: 0, publicPort: 0, managementPort: 0, httpPort: 0 };

/**
 * Starts the built Runtime as a child process, with a fresh configuration and data folder, and waits until `/readyz`
 * answers 200. Fails when the build is older than its sources (see runtimeBuild.ts), and with the Runtime's output
 * when it exits or never gets ready. The Runtime binds port 0 and reports its ports, so no port is ever handed over
 * free to be taken by someone else; a restart binds the same ports again, which the configuration then names.
 */
export async function startRuntime(options: RuntimeOptions): Promise<RuntimeUnderTest> {
    checkBuildIsCurrent();
    const root = await mkdtemp(join(tmpdir(), 'dolittle-runtime-'));
    const configurationFolder = join(root, 'configuration');
    const dataFolder = options.dataFolder ?? join(root, 'data');
    const tenants = options.tenants ?? [developmentTenant];
    const suffix = root.slice(-6).toLowerCase().replace(/[^a-z0-9]/g, 'x');
    await writeRuntimeConfiguration(configurationFolder, {
        tenants,
        resources: options.resources ?? resourcesFor(options.backend, tenants, suffix),
        ...anyPorts,
        ...(options.publicEndpoint === undefined ? {} : { publicEndpoint: options.publicEndpoint }),
        ...(options.microserviceId === undefined ? {} : { microserviceId: options.microserviceId }),
        ...(options.consents === undefined ? {} : { consents: options.consents }),
        ...(options.microservices === undefined ? {} : { microservices: options.microservices }),
    });
    const argumentList = [
        '--configuration', configurationFolder,
        '--data', dataFolder,
        ...reportListeningPorts,
        ...(options.arguments ?? []),
    ];
    const lines: string[] = [];
    const readinessTimeout = options.readinessTimeoutMilliseconds ?? 30_000;
    const address = options.address ?? '127.0.0.1';
    const launcher = options.launcher ?? [];
    let current = new RuntimeProcess(runtimeMain, argumentList, lines, undefined, launcher);
    let ports: ListeningPorts;
    try {
        ports = await waitUntilReady(current, readinessTimeout, lines, address);
        await writeEndpoints(configurationFolder, { ...ports, ...(options.publicEndpoint === undefined ? {} : { publicEndpoint: options.publicEndpoint }) });
    } catch (error) {
        await current.signal('SIGKILL');
        await rm(root, { recursive: true, force: true });
        throw error;
    }
    return {
        ...ports,
        address,
        tenants,
        configurationFolder,
        dataFolder,
        isRunning: () => current.running,
        exitDescription: () => current.exitDescription,
        stop: () => current.signal('SIGTERM'),
        kill: (signal = 'SIGKILL') => current.signal(signal),
        restart: async () => {
            await current.signal('SIGTERM');
            checkBuildIsCurrent();
            current = new RuntimeProcess(runtimeMain, argumentList, lines, undefined, launcher);
            const again = await waitUntilReady(current, readinessTimeout, lines, address);
            if (again.privatePort !== ports.privatePort || again.publicPort !== ports.publicPort || again.managementPort !== ports.managementPort || again.httpPort !== ports.httpPort) {
                throw new Error(`The restarted Runtime listens on ${JSON.stringify(again)}, not on the configured ${JSON.stringify(ports)}. Its output:\n${lines.join('\n')}`);
            }
        },
        logs: () => lines.join('\n'),
        liveness: () => httpStatus(ports.httpPort, '/healthz', address),
        dispose: async () => {
            await current.signal('SIGTERM');
            await rm(root, { recursive: true, force: true });
        },
    };
}

/** Waits until the Runtime has reported its ports and `/readyz` answers 200 there; resolves with the ports. */
export async function waitUntilReady(process: RuntimeProcess, timeoutMilliseconds: number, lines: ReadonlyArray<string>, address = '127.0.0.1'): Promise<ListeningPorts> {
    const deadline = Date.now() + timeoutMilliseconds;
    let lastStatus: number | undefined;
    while (Date.now() < deadline) {
        if (!process.running) {
            throw new Error(`The Runtime ended (${process.exitDescription}) before it was ready. Its output:\n${lines.join('\n')}`);
        }
        const ports = process.listeningPorts;
        if (ports !== undefined) {
            lastStatus = await httpStatus(ports.httpPort, '/readyz', address);
            if (lastStatus === 200) {
                return ports;
            }
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await process.signal('SIGKILL');
    const reported = process.listeningPorts === undefined ? 'it never reported all its ports' : `GET /readyz on port ${process.listeningPorts.httpPort} last answered ${lastStatus ?? 'nothing'}`;
    throw new Error(`The Runtime was not ready within ${timeoutMilliseconds} ms (${reported}). Its output:\n${lines.join('\n')}`);
}
