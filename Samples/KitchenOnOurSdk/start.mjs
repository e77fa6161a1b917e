// `npm run sample` at the repository root (or `npm start` here): starts this repository's Runtime with the development
// defaults and its events in a folder outside the repository (unless one already answers on localhost), then runs the
// aggregates tutorial's program (1.2) against it. Run it three times: the kitchen prepares two dishes and refuses the
// third. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runtimeMain = fileURLToPath(new URL('../../Source/runtime/dist/main.js', import.meta.url));
const program = fileURLToPath(new URL('dist/experimental/aggregates/index.js', import.meta.url));
const dataFolder = process.env['KITCHEN_DATA'] ?? join(tmpdir(), 'dolittle-kitchen-on-our-sdk');
const readiness = 'http://localhost:9700/readyz';

async function isReady() {
    try {
        return (await fetch(readiness, { signal: AbortSignal.timeout(1_000) })).status === 200;
    } catch {
        return false;
    }
}

let runtime;
if (await isReady()) {
    console.log(`A Runtime already answers on ${readiness}: the kitchen uses it.`);
} else {
    console.log(`Starting the Runtime with the development defaults; it keeps its events in ${dataFolder} (delete it to start over)`);
    mkdirSync(dataFolder, { recursive: true });
    runtime = spawn(process.execPath, [runtimeMain, '--data', dataFolder, '--log-level', 'warn', '--log-format', 'pretty'], { cwd: dataFolder, stdio: ['ignore', 'inherit', 'inherit'] });
    const giveUpAt = Date.now() + 30_000;
    while (!(await isReady())) {
        if (Date.now() > giveUpAt || runtime.exitCode !== null) {
            console.error(`The Runtime did not get ready on ${readiness} within 30 s`);
            runtime.kill('SIGTERM');
            process.exit(1);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}
console.log('Running the kitchen (Samples/KitchenOnOurSdk/aggregates); it keeps handling events until Ctrl+C');
const head = spawn(process.execPath, [program], { stdio: 'inherit' });
const stop = () => {
    head.kill('SIGTERM');
    runtime?.kill('SIGTERM');
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
head.once('exit', (code) => {
    runtime?.kill('SIGTERM');
    process.exitCode = code ?? 0;
});
