// `npm start` in this folder: starts this repository's Runtime with its events in a folder outside the repository
// (unless one already answers on localhost), then runs the kitchen (index.ts) against it. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runtimeMain = fileURLToPath(new URL('../../Source/runtime/dist/main.js', import.meta.url));
const dataFolder = process.env['KITCHEN_DATA'] ?? join(tmpdir(), 'dolittle-kitchen');
const readiness = 'http://localhost:9700/readyz';

if (await isReady()) {
    console.log(`A Runtime already answers on ${readiness}: the kitchen uses it.`);
} else {
    console.log(`Starting the Runtime with the development defaults; it keeps its events in ${dataFolder}`);
    console.log(`To start over, stop the sample and delete that folder:  rm -rf ${dataFolder}`);
    // The Runtime gets Ctrl+C from the terminal as this process does, and stops gracefully.
    // It runs in the data folder, where no .dolittle/ configuration folder is: the development defaults apply.
    mkdirSync(dataFolder, { recursive: true });
    const runtime = spawn(process.execPath, [runtimeMain, '--data', dataFolder, '--log-level', 'warn', '--log-format', 'pretty'], {
        cwd: dataFolder,
        stdio: ['ignore', 'inherit', 'inherit'],
    });
    // Ctrl+C reaches both processes from the terminal; a SIGTERM sent to this one alone is passed on.
    process.once('SIGTERM', () => runtime.kill('SIGTERM'));
    runtime.once('exit', (code) => {
        console.log(`The Runtime exited (${code ?? 'signal'})`);
        process.exit(code ?? 0);
    });
    const giveUpAt = Date.now() + 30_000;
    while (!(await isReady())) {
        if (Date.now() > giveUpAt) {
            console.error(`The Runtime did not get ready on ${readiness} within 30 s`);
            runtime.kill('SIGTERM');
            process.exit(1);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}
await import('./index.js');

async function isReady(): Promise<boolean> {
    try {
        const response = await fetch(readiness, { signal: AbortSignal.timeout(1_000) });
        return response.status === 200;
    } catch {
        return false;
    }
}
