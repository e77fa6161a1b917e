import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built CLI (`npm run build` at the repository root writes it). */
export const cliMain = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** What a finished CLI run wrote and how it ended. */
export type CliRun = { readonly code: number | null; readonly stdout: string; readonly stderr: string };

/** A CLI run that goes on until it is stopped (`events tail`): what it wrote so far, and how to stop it. */
export type RunningCli = {
    stdout(): string;
    stderr(): string;
    /** Sends a signal and resolves with how the run ended. */
    stop(signal?: NodeJS.Signals): Promise<CliRun>;
};

/** Runs `dolittle <arguments>` as a user would, as its own process, and resolves when it exits. */
export async function runCli(argumentList: ReadonlyArray<string>, program: string = cliMain): Promise<CliRun> {
    return startCli(argumentList, program).finished;
}

/** Starts `dolittle <arguments>` as its own process without waiting for it to end. */
export function startCli(argumentList: ReadonlyArray<string>, program: string = cliMain): RunningCli & { readonly finished: Promise<CliRun> } {
    const child = spawn(process.execPath, [program, ...argumentList], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const finished = new Promise<CliRun>((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
    return {
        finished,
        stdout: () => stdout,
        stderr: () => stderr,
        stop: (signal = 'SIGINT') => {
            child.kill(signal);
            return finished;
        },
    };
}
