// `npm run torture`: commits under faults and counts what went wrong (see Documentation/guarantees.md#the-torture-suite).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { throwAwayPostgresServer, type ThrowAwayPostgresServer } from '../Source/runtime/storage/postgres/given/throwAwayPostgresServer.js';
import { hasFailures, printResult } from './report/printResult.js';
import { runTorture, type TortureResult } from './runTorture.js';
import { parseTortureOptions, tortureUsage } from './TortureOptions.js';

const write = (text: string) => process.stdout.write(text);
let parsed;
try {
    parsed = parseTortureOptions(process.argv.slice(2));
} catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
}
if (parsed === 'help') {
    write(`${tortureUsage}\n`);
    process.exit(0);
}
const options = parsed;
const root = options.folder ?? (await mkdtemp(join(tmpdir(), 'dolittle-torture-')));
write(`Torture run: ${options.events.toLocaleString('en-US')} events per backend by ${options.writers} writers over 3 tenants; `
    + `${options.runtimeKills} Runtime SIGKILLs, ${options.headKills} head SIGKILLs, ${options.postgresRestarts} PostgreSQL restarts (PostgreSQL only), `
    + `${options.consumerKills} Event Horizon consumer SIGKILLs\n`);
const results: TortureResult[] = [];
for (const backend of options.backends) {
    write(`\n[${backend}] running...\n`);
    let postgres: ThrowAwayPostgresServer | undefined;
    if (backend === 'postgres') {
        const throwAway = await throwAwayPostgresServer(import.meta.url);
        if (!throwAway.available) {
            process.stderr.write(`The PostgreSQL run needs a throw-away server of its own (it restarts it): ${throwAway.reason}\n`);
            process.exit(2);
        }
        postgres = throwAway.server;
    }
    const started = Date.now();
    const elapsed = () => `${Math.round((Date.now() - started) / 1_000)}`.padStart(4);
    const result = await runTorture(options, join(root, backend), postgres, (line) => write(`${elapsed()} s ${line}\n`)).finally(() => postgres?.dispose());
    printResult(result, write);
    results.push(result);
}
const failed = results.filter(hasFailures).map((result) => result.backend);
write(failed.length === 0 ? '\nEvery figure that must be 0 is 0.\n' : `\nFAILED on ${failed.join(', ')}: see the tables above.\n`);
process.exit(failed.length === 0 ? 0 : 1);
