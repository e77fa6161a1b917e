import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { developmentTenant } from '../../runtime/host/given/developmentTenant.js';
import { printLogsOnFailure } from '../../runtime/host/given/printLogsOnFailure.js';
import type { RuntimeUnderTest } from '../../runtime/host/given/RuntimeUnderTest.js';
import { startRuntime } from '../../runtime/host/given/startRuntime.js';
import { waitUntil } from '../../runtime/host/given/waitUntil.js';
import type { Client } from '../Client.js';
import { connectOurClient } from '../given/connectOurClient.js';
import { startHeadProgram, type HeadProgram } from '../given/HeadProgram.js';

// The tutorial code of seed 003 (sections 1.1 and 1.2), with only its imports changed, lives in
// Samples/KitchenOnOurSdk. It is compiled here with the real tsc twice: with experimentalDecorators, as the tutorial
// says, and with TypeScript's standard decorators.
const sample = fileURLToPath(new URL('../../../Samples/KitchenOnOurSdk/', import.meta.url));
const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));
const yummm = 'Mr. Taco has prepared Bean Blaster Taco. Yummm!';
const kitchen = { aggregateRootId: '01ad9a9f-711f-47a8-8549-43320f782a1e', eventSourceId: 'bfe6f6e4-ada2-4344-8a3b-65a3e1fe16e9' };
const program = (mode: 'experimental' | 'standard', tutorial: 'gettingStarted' | 'aggregates') => join(sample, 'dist', mode, tutorial, 'index.js');

describe('when the tutorial code runs on our SDK against a Runtime', () => {
    let runtime: RuntimeUnderTest | undefined;
    let head: HeadProgram | undefined;
    let observer: Client | undefined;
    const outputs: string[] = [];
    printLogsOnFailure(() => runtime);
    const dishesCommitted = async () => (await observer!.eventStore.forTenant(developmentTenant).fetchForAggregate(kitchen.aggregateRootId, kitchen.eventSourceId)).events.length;

    // A run is done when its output shows it and, for an aggregate run that prepares a dish, the dish is in the event
    // store: a "Yummm!" alone may be the handler's second delivery of an earlier dish (at least once), and killing the
    // program before its commit completed would leave the kitchen a dish short.
    const run = async (script: string, isDone: (output: string) => boolean, description: string, dishes?: number) => {
        head = startHeadProgram(script, runtime!, sample);
        await waitUntil(async () => isDone(head!.output()) && (dishes === undefined || (await dishesCommitted()) === dishes), description, 30_000).catch((error: unknown) => {
            throw new Error(`${String(error)}. The program wrote:\n${head?.output()}`);
        });
        outputs.push(head.output());
        await head.kill();
    };

    beforeAll(async () => {
        execFileSync(process.execPath, [tsc, '-p', join(sample, 'tsconfig.json')], { stdio: 'inherit' });
        execFileSync(process.execPath, [tsc, '-p', join(sample, 'tsconfig.standard.json')], { stdio: 'inherit' });
        runtime = await startRuntime({ backend: { kind: 'embedded' } });
        observer = connectOurClient(runtime);
        const yummms = (output: string) => output.split(yummm).length - 1;
        // 1.1: commits a taco; the handler announces it.
        await run(program('experimental', 'gettingStarted'), (output) => yummms(output) >= 1, 'the getting-started program announced the taco');
        // 1.2, three times: the kitchen prepares two dishes and refuses the third. The handler has handled the earlier
        // dishes already (the Runtime keeps its position), so each run announces only its own dish.
        await run(program('experimental', 'aggregates'), (output) => output.includes('has applied') && yummms(output) >= 1, 'the first aggregate run prepared a dish and the handler announced it', 1);
        await run(program('standard', 'aggregates'), (output) => output.includes('has applied') && yummms(output) >= 1, 'the second aggregate run prepared a dish and the handler announced it', 2);
        await run(program('standard', 'aggregates'), (output) => output.includes('Cannot prepare more than 2 dishes'), 'the third aggregate run was refused');
    }, 180_000);
    afterEach(async () => head?.kill());
    afterAll(async () => {
        await observer?.disconnect();
        await runtime?.dispose();
    });

    it('prints the handler\'s line for the committed taco', () => expect(outputs[0]).toContain(yummm));
    it('prepares the first dish through the Kitchen aggregate (experimental decorators)', () => expect(outputs[1]).toContain('has applied 0 DishPrepared events'));
    it('prepares the second dish after re-applying the first (standard decorators)', () => expect(outputs[2]).toContain('has applied 1 DishPrepared events'));
    it('violates the Kitchen invariant with the third dish', () => expect(outputs[3]).toContain('Error: Cannot prepare more than 2 dishes'));
    it('does not apply the third dish', () => expect(outputs[3]).not.toContain('has applied 2'));
});
