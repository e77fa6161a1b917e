import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printLogsOnFailure } from '../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../runtime/host/given/startRuntime.js';
import { waitUntil } from '../runtime/host/given/waitUntil.js';
import { startHeadProgram, type HeadProgram } from './given/HeadProgram.js';

const script = fileURLToPath(new URL('given/disconnectingHead.ts', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('when a head disconnects its client', () => {
    let runtime: RuntimeUnderTest | undefined;
    let head: HeadProgram | undefined;
    printLogsOnFailure(() => runtime);

    beforeAll(async () => {
        runtime = await startRuntime({ backend: { kind: 'embedded' } });
        head = startHeadProgram(script, runtime, repositoryRoot, ['--import', 'tsx']);
        // Ending by itself is the point: a stream or timer left behind would keep the process alive until the deadline.
        await waitUntil(() => !head!.running(), 'the head process ended by itself after disconnecting', 30_000).catch((error: unknown) => {
            throw new Error(`${String(error)}. The head wrote:\n${head?.output()}`);
        });
    }, 60_000);
    afterAll(async () => {
        await head?.kill();
        await runtime?.dispose();
    });

    it('ends the process by itself, with nothing left running', () => expect(head?.exitDescription()).toBe('exit code 0'));
    it('got as far as disconnecting', () => expect(head?.output()).toContain('disconnected'));
});
