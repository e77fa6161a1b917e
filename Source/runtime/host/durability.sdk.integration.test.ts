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
const committerCount = 4;
const acknowledgedBeforeKill = 500;

describeForEachBackend(backends, 'when a Runtime on the $kind store is killed while several SDK clients commit, and restarted', (backend) => {
    let runtime: RuntimeUnderTest | undefined;
    const clients: ConnectedClient[] = [];
    const commits = new AcknowledgedCommits(randomUUID());
    const readBack = new HandledEvents();
    let sentinelSequenceNumber = -1;
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend });
        let stopped = false;
        const committers = Array.from({ length: committerCount }, () => connectClient(runtime!));
        clients.push(...committers);
        const loops = committers.map((committer, index) => commits.commitUntilFailure(committer, index, () => stopped));
        await waitUntil(() => commits.acknowledged.length >= acknowledgedBeforeKill, `${acknowledgedBeforeKill} events were acknowledged`, 30_000);
        await runtime.kill('SIGKILL');
        stopped = true;
        await Promise.all(loops);

        await runtime.restart();
        const { reader, sentinelSequenceNumber: sentinel } = await commits.readBack(runtime, readBack);
        clients.push(reader);
        sentinelSequenceNumber = sentinel;
    }, 120_000);
    afterAll(async () => {
        clients.forEach((client) => client.disconnect());
        await runtime?.dispose();
    });

    it('loses no acknowledged event', () => {
        expect(commits.acknowledged.length).toBeGreaterThanOrEqual(acknowledgedBeforeKill);
        expect(commits.lost(readBack)).toEqual([]);
    });
    it('keeps an event log without gaps, numbered from 0, after the restart', () => {
        expect(readBack.calls.map((call) => call.sequenceNumber)).toEqual(Array.from({ length: sentinelSequenceNumber + 1 }, (_, index) => index));
    });
    it('acknowledges every sequence number once', () => {
        const sequenceNumbers = commits.acknowledged.map((event) => event.sequenceNumber);
        expect(new Set(sequenceNumbers).size).toBe(sequenceNumbers.length);
    });
    it('fails the commits under way only because the Runtime went away', () => {
        expect(commits.errorsWithoutStatus).toEqual([]);
    });
});
