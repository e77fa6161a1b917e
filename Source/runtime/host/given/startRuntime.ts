import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { developmentTenant } from './developmentTenant.js';
import { freePorts } from './freePorts.js';
import { httpStatus } from './httpStatus.js';
import { resourcesFor } from './resourcesFor.js';
import { RuntimeProcess } from './RuntimeProcess.js';
import type { RuntimeOptions } from './RuntimeOptions.js';
import type { RuntimeUnderTest } from './RuntimeUnderTest.js';
import { writeRuntimeConfiguration } from './writeRuntimeConfiguration.js';

/** The built Runtime (`npm run build` at the repository root writes it). */
export const runtimeMain = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/**
 * Starts the built Runtime as a child process on free ports, with a fresh configuration and data folder, and waits
 * until `/readyz` answers 200. Fails with the Runtime's output when it exits or never gets ready.
 */
export async function startRuntime(options: RuntimeOptions): Promise<RuntimeUnderTest> {
    if (!existsSync(runtimeMain)) {
        throw new Error(`The Runtime is not built: ${runtimeMain} does not exist. Run 'npm run build' at the repository root first.`);
    }
    const root = await mkdtemp(join(tmpdir(), 'dolittle-runtime-'));
    const configurationFolder = join(root, 'configuration');
    const dataFolder = join(root, 'data');
    const tenants = options.tenants ?? [developmentTenant];
    const [privatePort, publicPort, httpPort] = (await freePorts(3)) as [number, number, number];
    const suffix = root.slice(-6).toLowerCase().replace(/[^a-z0-9]/g, 'x');
    await writeRuntimeConfiguration(configurationFolder, {
        tenants,
        resources: options.resources ?? resourcesFor(options.backend, tenants, suffix),
        privatePort,
        publicPort,
        httpPort,
    });
    const argumentList = [
        '--configuration', configurationFolder,
        '--data', dataFolder,
        '--log-format', 'json',
        ...(options.arguments ?? []),
    ];
    const lines: string[] = [];
    const readinessTimeout = options.readinessTimeoutMilliseconds ?? 30_000;
    let current = new RuntimeProcess(runtimeMain, argumentList, lines);

    const runtime: RuntimeUnderTest = {
        privatePort,
        publicPort,
        httpPort,
        tenants,
        configurationFolder,
        dataFolder,
        isRunning: () => current.running,
        exitDescription: () => current.exitDescription,
        stop: () => current.signal('SIGTERM'),
        kill: (signal = 'SIGKILL') => current.signal(signal),
        restart: async () => {
            await current.signal('SIGTERM');
            current = new RuntimeProcess(runtimeMain, argumentList, lines);
            await waitUntilReady(current, httpPort, readinessTimeout, lines);
        },
        logs: () => lines.join('\n'),
        liveness: () => httpStatus(httpPort, '/healthz'),
        dispose: async () => {
            await current.signal('SIGTERM');
            await rm(root, { recursive: true, force: true });
        },
    };
    try {
        await waitUntilReady(current, httpPort, readinessTimeout, lines);
    } catch (error) {
        await runtime.dispose();
        throw error;
    }
    return runtime;
}

async function waitUntilReady(process: RuntimeProcess, httpPort: number, timeoutMilliseconds: number, lines: ReadonlyArray<string>): Promise<void> {
    const deadline = Date.now() + timeoutMilliseconds;
    let lastStatus: number | undefined;
    while (Date.now() < deadline) {
        if (!process.running) {
            throw new Error(`The Runtime ended (${process.exitDescription}) before it was ready. Its output:\n${lines.join('\n')}`);
        }
        lastStatus = await httpStatus(httpPort, '/readyz');
        if (lastStatus === 200) {
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await process.signal('SIGKILL');
    throw new Error(
        `The Runtime was not ready within ${timeoutMilliseconds} ms (GET /readyz on port ${httpPort} last answered ${lastStatus ?? 'nothing'}). Its output:\n${lines.join('\n')}`,
    );
}
