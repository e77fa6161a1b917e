import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type ConnectedClient } from '../runtime/host/given/connectClient.js';
import { developmentTenant } from '../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../runtime/host/given/RuntimeUnderTest.js';
import { checkBuildIsCurrent } from '../runtime/host/given/runtimeBuild.js';
import { startRuntime } from '../runtime/host/given/startRuntime.js';
import { waitUntil } from '../runtime/host/given/waitUntil.js';
import { exitCodes } from './exitCodes.js';
import { runCli } from './given/runCli.js';

const run = promisify(execFile);
const sourceFolder = fileURLToPath(new URL('..', import.meta.url));
// npm and npx run on the Node of this test (the pinned one), also inside the installed CLI's bin.
const environment = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` };

describe('when the CLI is packed with npm and installed in a folder outside the checkout', () => {
    let runtime: RuntimeUnderTest | undefined;
    let connected: ConnectedClient | undefined;
    let folder = '';
    const eventHandlerId = randomUUID();
    let answer: { code: number; stdout: string; stderr: string } = { code: -1, stdout: '', stderr: '' };
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        checkBuildIsCurrent();
        folder = await mkdtemp(join(tmpdir(), 'dolittle-cli-package-'));
        const application = join(folder, 'application');
        await mkdir(application);
        await writeFile(join(application, 'package.json'), JSON.stringify({ name: 'uses-the-dolittle-cli', private: true }));
        for (const workspace of ['protocol', 'cli']) {
            await run('npm', ['pack', '--pack-destination', folder], { cwd: join(sourceFolder, workspace), env: environment });
        }
        // The CLI needs the protocol package, which is not published: both tarballs are installed together.
        await run('npm', ['install', '../dolittle-typescript-protocol-0.1.0.tgz', '../dolittle-typescript-cli-0.1.0.tgz', '--prefer-offline', '--no-audit', '--no-fund'], {
            cwd: application,
            env: environment,
        });
        runtime = await startRuntime({ backend: { kind: 'embedded' } });
        connected = connectClient(runtime, (builder) =>
            builder.withEventHandlers((eventHandlers) => {
                eventHandlers.createEventHandler(eventHandlerId, (eventHandler) => eventHandler.unpartitioned().handle(randomUUID(), () => undefined));
            }),
        );
        const port = runtime.managementPort;
        await waitUntil(async () => (await runCli(['--runtime', `127.0.0.1:${port}`, 'runtime', 'eventhandlers', 'list'])).stdout.includes(eventHandlerId), 'the head registered the event handler', 30_000);
        answer = await run('npx', ['--offline', 'dolittle', '--runtime', `127.0.0.1:${runtime.managementPort}`, '--output', 'json', 'runtime', 'eventhandlers', 'list'], {
            cwd: application,
            env: environment,
        }).then(
            ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
            (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
        );
    }, 180_000);
    afterAll(async () => {
        connected?.disconnect();
        await runtime?.dispose();
        await rm(folder, { recursive: true, force: true });
    });

    it('answers `npx dolittle runtime eventhandlers list` from there', () => {
        const processors = JSON.parse(answer.stdout || 'null') as Array<{ processorId: string; tenants: Array<{ tenantId: string }> }> | null;
        expect([answer.code, processors?.find((processor) => processor.processorId === eventHandlerId)?.tenants.map((tenant) => tenant.tenantId)]).toEqual([
            exitCodes.succeeded,
            [developmentTenant],
        ]);
    });
});
