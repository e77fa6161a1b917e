import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HeadUnderTest } from './HeadUnderTest.js';
import { waitUntil } from './waitUntil.js';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Runs a TypeScript head script (through tsx) as a child process with the given arguments, and collects the JSON lines
 * it writes on standard output. Used where a test must kill a client outright. tsx reads the tsconfig.json of the working
 * folder (the repository root unless told), which decides e.g. whether decorators are the experimental kind.
 */
export function startHead(script: string, argumentList: ReadonlyArray<string>, workingFolder = repositoryRoot): HeadUnderTest {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...argumentList], {
        cwd: workingFolder,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const messages: Record<string, unknown>[] = [];
    const other: string[] = [];
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
            try {
                messages.push(JSON.parse(line) as Record<string, unknown>);
            } catch {
                other.push(line);
            }
        }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => other.push(chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    void exited.then(() => process.off('exit', killOnExit));

    return {
        messages: () => messages,
        waitForMessage: async (matches, description, timeoutMilliseconds = 20_000) => {
            await waitUntil(
                () => messages.some(matches) || child.exitCode !== null,
                `the head writes a message where ${description}`,
                timeoutMilliseconds,
            ).catch((error: unknown) => {
                throw new Error(`${String(error)}. The head wrote:\n${other.join('\n')}`);
            });
            const found = messages.find(matches);
            if (found === undefined) {
                throw new Error(`The head exited (code ${child.exitCode}) before writing a message where ${description}. It wrote:\n${other.join('\n')}`);
            }
            return found;
        },
        output: () => other.join('\n'),
        pause: () => {
            child.kill('SIGSTOP');
        },
        resume: () => {
            child.kill('SIGCONT');
        },
        kill: async (signal = 'SIGKILL') => {
            if (child.exitCode === null && child.signalCode === null) {
                child.kill('SIGCONT');
                child.kill(signal);
                await exited;
            }
        },
    };
}
