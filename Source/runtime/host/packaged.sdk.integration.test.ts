import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitEvents } from './given/commitEvents.js';
import { connectClient, type ConnectedClient } from './given/connectClient.js';
import { developmentTenant } from './given/developmentTenant.js';
import { reportListeningPorts, type ListeningPorts } from './given/listeningPorts.js';
import { checkBuildIsCurrent } from './given/runtimeBuild.js';
import { RuntimeProcess } from './given/RuntimeProcess.js';
import { waitUntilReady } from './given/startRuntime.js';

const run = promisify(execFile);
const packages = ['protocol', 'runtime'].map((name) => fileURLToPath(new URL(`../../${name}`, import.meta.url)));

describe('when the packed Runtime is installed in an empty folder outside the repository and started with the development defaults', () => {
    let folder = '';
    let runtime: RuntimeProcess | undefined;
    let ports: ListeningPorts | undefined;
    let client: ConnectedClient | undefined;
    let committed = -1;
    const lines: string[] = [];

    beforeAll(async () => {
        checkBuildIsCurrent();
        folder = await mkdtemp(join(tmpdir(), 'dolittle-installed-'));
        const tarballs: string[] = [];
        for (const packageFolder of packages) {
            const { stdout } = await run('npm', ['pack', '--pack-destination', folder, '--silent'], { cwd: packageFolder });
            tarballs.push(join(folder, stdout.trim().split('\n').at(-1) ?? ''));
        }
        await writeFile(join(folder, 'package.json'), '{ "private": true }\n');
        // better-sqlite3 ships prebuilt Node-API binaries: its source build is not needed, so no install script runs.
        await run('npm', ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', ...tarballs], { cwd: folder, timeout: 240_000 });
        // Only the ports differ from the defaults: 0, so that the test takes no port another one may be using.
        await mkdir(join(folder, '.dolittle'));
        await writeFile(join(folder, '.dolittle', 'endpoints.json'), JSON.stringify({ public: { port: 0 }, private: { port: 0 }, management: { port: 0 } }));
        await writeFile(join(folder, '.dolittle', 'metrics.json'), JSON.stringify({ port: 0 }));
        runtime = new RuntimeProcess(join(folder, 'node_modules', '.bin', 'dolittle-runtime'), reportListeningPorts, lines, folder);
        ports = await waitUntilReady(runtime, 60_000, lines);
        client = connectClient(ports);
        const [event] = await commitEvents(client.client.eventStore.forTenant(developmentTenant), randomUUID(), [{ content: { installed: true }, eventSourceId: randomUUID() }]);
        committed = event?.eventLogSequenceNumber.value ?? -1;
    }, 300_000);
    afterAll(async () => {
        client?.disconnect();
        await runtime?.signal('SIGTERM');
        await rm(folder, { recursive: true, force: true });
    });

    it('gets ready', () => expect(ports).toBeDefined());
    it('commits the first event of the development tenant', () => expect(committed).toBe(0));
    it('keeps its data in the working directory', () => expect(lines.join('\n')).toContain(join(folder, '.dolittle-data', 'event_store.sqlite')));
});
