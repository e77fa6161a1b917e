import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HeadUnderTest } from '../../Source/runtime/host/given/HeadUnderTest.js';
import { printLogsOnFailure } from '../../Source/runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../Source/runtime/host/given/RuntimeUnderTest.js';
import { startHead } from '../../Source/runtime/host/given/startHead.js';
import { startRuntime } from '../../Source/runtime/host/given/startRuntime.js';
import { waitUntil } from '../../Source/runtime/host/given/waitUntil.js';

const sampleFolder = fileURLToPath(new URL('.', import.meta.url));
const yummm = 'Mr. Taco has prepared Bean Blaster Taco. Yummm!';
const yummms = (output: string) => output.split(yummm).length - 1;

describe('when the kitchen sample runs three times against a Runtime', () => {
    let runtime: RuntimeUnderTest | undefined;
    let head: HeadUnderTest | undefined;
    const outputs: string[] = [];
    printLogsOnFailure(() => runtime);

    const runSample = async (isDone: (output: string) => boolean, description: string) => {
        head = startHead('index.ts', [`127.0.0.1:${runtime!.privatePort}`], sampleFolder);
        await waitUntil(() => isDone(head!.output()), description, 30_000).catch((error: unknown) => {
            throw new Error(`${String(error)}. The sample wrote:\n${head?.output()}`);
        });
        outputs.push(head.output());
        await head.kill();
    };

    beforeAll(async () => {
        runtime = await startRuntime({ backend: { kind: 'embedded' } });
        // Each run is stopped only once it has committed (it then says it is handling events); a killed run may not have
        // acknowledged its last dish, which the next run then announces again.
        const committed = (output: string) => output.includes('Handling events');
        await runSample((output) => committed(output) && yummms(output) >= 2, 'the first run committed and announced its two tacos');
        await runSample((output) => committed(output) && yummms(output) >= 2, 'the second run committed and announced two tacos');
        await runSample((output) => committed(output) && yummms(output) >= 1, 'the third run committed and announced a taco');
    }, 120_000);
    afterEach(async () => head?.kill());
    afterAll(async () => runtime?.dispose());

    it('announces the prepared taco in the first run', () => expect(outputs[0]).toContain(yummm));
    it('prepares the first dish through the Kitchen aggregate', () => expect(outputs[0]).toContain('has applied 0 DishPrepared events'));
    it('prepares the second dish after re-applying the first', () => expect(outputs[1]).toContain('has applied 1 DishPrepared events'));
    it('reads how often the taco was prepared from the DishCounter projection', () => expect(outputs[0]).toMatch(/Bean Blaster Taco has been prepared [1-9]\d* times \(DishCounter projection\)/));
    it('refuses a third dish', () => expect(outputs[2]).toContain('The kitchen refused: Cannot prepare more than 2 dishes'));
});
