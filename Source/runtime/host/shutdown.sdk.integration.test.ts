import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AcknowledgedCommits } from './given/AcknowledgedCommits.js';
import { backendsForTests } from './given/backendsForTests.js';
import { connectClient, type ConnectedClient } from './given/connectClient.js';
import { HandledEvents } from './given/HandledEvents.js';
import { printLogsOnFailure } from './given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from './given/RuntimeUnderTest.js';
import { startRuntime } from './given/startRuntime.js';
import { waitUntil } from './given/waitUntil.js';
import { describeForEachBackend } from '../storage/postgres/given/describeForEachBackend.js';

const backends = await backendsForTests(import.meta.url);
const clientCount = 8;
const committersPerClient = 4;
const acknowledgedBeforeSignal = 300;
// Below the harness's 15 s grace before it kills the process: a Runtime that overruns its bound exits with code 1.
const shutdownTimeoutSeconds = 12;

describeForEachBackend(backends, 'when a Runtime on the $kind store gets SIGTERM while 32 SDK committers commit, and is restarted', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    const commits = new AcknowledgedCommits(randomUUID());
    const readBack = new HandledEvents();
    let exit = '';
    let logs = '';
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend, arguments: ['--shutdown-timeout', String(shutdownTimeoutSeconds)] });
        const committers = Array.from({ length: clientCount }, () => connectClient(runtime!));
        clients.push(...committers);
        const loops = committers.flatMap((client, clientIndex) =>
            Array.from({ length: committersPerClient }, (_, index) => commits.commitUntilFailure(client, clientIndex * committersPerClient + index)));
        await waitUntil(() => commits.acknowledged.length >= acknowledgedBeforeSignal, `${acknowledgedBeforeSignal} events were acknowledged`, 60_000);
        await runtime.kill('SIGTERM');
        exit = runtime.exitDescription();
        logs = runtime.logs();
        await Promise.all(loops);

        await runtime.restart();
        clients.push((await commits.readBack(runtime, readBack)).reader);
    }, 180_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    it('exits with code 0', () => expect(exit).toBe('exit code 0'));
    it('stops within the shutdown timeout', () => {
        expect(logs).toContain('The Runtime stopped');
        expect(logs).not.toContain('The shutdown took longer than --shutdown-timeout');
    });
    it('stores every acknowledged commit', () => {
        expect(commits.acknowledged.length).toBeGreaterThanOrEqual(acknowledgedBeforeSignal);
        expect(commits.lost(readBack)).toEqual([]);
    });
    it('ends every committer with a gRPC status once the Runtime stops accepting calls', () => {
        expect(commits.errors).toHaveLength(clientCount * committersPerClient);
        expect(commits.errorsWithoutStatus).toEqual([]);
    });
});
