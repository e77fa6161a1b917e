// The short torture run of the test command: the harness of `npm run torture`, with fewer events, on both backends.
// Every figure that must be 0 is 0, and every planned fault struck.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { throwAwayPostgresServer } from '../Source/runtime/storage/postgres/given/throwAwayPostgresServer.js';
import { printResult } from './report/printResult.js';
import { runTorture, type TortureResult } from './runTorture.js';
import { parseTortureOptions, type TortureOptions } from './TortureOptions.js';

const options = parseTortureOptions(['--events', '5000', '--kills', '3']) as TortureOptions;
const throwAway = await throwAwayPostgresServer(import.meta.url);
const folder = mkdtempSync(join(tmpdir(), 'dolittle-torture-test-'));
// A failed run keeps its folder (the Runtime's and the head's logs, the deliveries, the embedded stores) to look into.
let keepFolder = false;
const keepFolderOnFailure = () => onTestFailed(() => {
    keepFolder = true;
});

/** The figures that failed, as lines naming tenant, subject and count, and the faults that struck. */
function summary(result: TortureResult) {
    let table = '';
    printResult(result, (text) => (table += text));
    return {
        failures: result.figures.filter((figure) => figure.mustBeZero && figure.value > 0).map((figure) => `tenant ${figure.tenant} ${figure.subject}: ${figure.name} ${figure.value} (${figure.examples.join('; ')})`),
        faults: result.faults,
        table,
    };
}

describe('when the torture harness runs a short run', () => {
    afterAll(async () => {
        if (throwAway.available) {
            await throwAway.server.dispose();
        }
        if (!keepFolder) {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('on the embedded store, counts nothing lost, duplicated or out of order through every planned fault', async () => {
        keepFolderOnFailure();
        const result = summary(await runTorture(options, join(folder, 'embedded'), undefined, () => undefined));
        expect({ failures: result.failures, faults: result.faults }, result.table).toEqual({
            failures: [],
            faults: { 'Runtime SIGKILLs': 3, 'head SIGKILLs': 1, 'PostgreSQL restarts': 0, 'second Runtimes': 1, 'file locks': 1, 'Event Horizon consumer SIGKILLs': 1 },
        });
    }, 300_000);

    it.skipIf(!throwAway.available)('on PostgreSQL, counts nothing lost, duplicated or out of order through every planned fault', async () => {
        keepFolderOnFailure();
        const server = throwAway.available ? throwAway.server : undefined;
        const result = summary(await runTorture(options, join(folder, 'postgres'), server, () => undefined));
        expect({ failures: result.failures, faults: result.faults }, result.table).toEqual({
            failures: [],
            faults: { 'Runtime SIGKILLs': 3, 'head SIGKILLs': 1, 'PostgreSQL restarts': 2, 'second Runtimes': 1, 'file locks': 0, 'Event Horizon consumer SIGKILLs': 1 },
        });
    }, 300_000);
});
