import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBuildIsCurrent, runtimeMain } from './given/runtimeBuild.js';
import { RuntimeProcess } from './given/RuntimeProcess.js';
import { waitUntil } from './given/waitUntil.js';
import { writeEndpoints } from './given/writeRuntimeConfiguration.js';

/** Runs the built Runtime until it exits by itself; resolves with how it ended and what it wrote. */
async function runUntilExit(argumentList: ReadonlyArray<string>): Promise<{ readonly exit: string; readonly output: string }> {
    checkBuildIsCurrent();
    const lines: string[] = [];
    const runtime = new RuntimeProcess(runtimeMain, argumentList, lines);
    try {
        await waitUntil(() => !runtime.running, 'the Runtime exited', 60_000);
    } finally {
        await runtime.signal('SIGKILL');
    }
    return { exit: runtime.exitDescription, output: lines.join('\n') };
}

function occupyPort(): Promise<Server> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '0.0.0.0', () => resolve(server));
    });
}

const portOf = (server: Server): number => (server.address() as { port: number }).port;

describe('when the Runtime is started wrongly', () => {
    let root = '';
    let taken: Server;
    beforeAll(async () => {
        root = await mkdtemp(join(tmpdir(), 'dolittle-startup-'));
        taken = await occupyPort();
    });
    afterAll(async () => {
        taken.close();
        await rm(root, { recursive: true, force: true });
    });

    describe('with a --configuration folder that does not exist', () => {
        it('exits with code 3, naming the folder', async () => {
            const missing = join(root, 'no-such-folder');
            const { exit, output } = await runUntilExit(['--configuration', missing, '--data', join(root, 'data')]);
            expect(exit).toBe('exit code 3');
            expect(output).toContain(`${missing}: found nothing: the folder given with --configuration does not exist`);
        });
    });

    describe('with a private port that another process listens on', () => {
        it('exits with code 1, naming the file and key that set the port', async () => {
            const folder = join(root, 'private-taken');
            await mkdir(folder);
            await writeEndpoints(folder, { privatePort: portOf(taken), publicPort: 0, httpPort: 0 });
            const { exit, output } = await runUntilExit(['--configuration', folder, '--data', join(root, 'data')]);
            expect(exit).toBe('exit code 1');
            expect(output).toContain(`Cannot listen on 0.0.0.0:${portOf(taken)} (set by ${join(folder, 'endpoints.json')} at /private/port`);
        });
    });

    describe('with a metrics port that another process listens on', () => {
        it('exits with code 1, naming the file and key that set the port', async () => {
            const folder = join(root, 'metrics-taken');
            await mkdir(folder);
            await writeEndpoints(folder, { privatePort: 0, publicPort: 0, httpPort: portOf(taken) });
            const { exit, output } = await runUntilExit(['--configuration', folder, '--data', join(root, 'data')]);
            expect(exit).toBe('exit code 1');
            expect(output).toContain(`Cannot listen on 0.0.0.0:${portOf(taken)} (set by ${join(folder, 'metrics.json')} at /port`);
        });
    });
});
