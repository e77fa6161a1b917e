import { spawn, type ChildProcess } from 'node:child_process';

/** A compiled head program running as a child process against a test Runtime, with everything it wrote. */
export type HeadProgram = {
    /** Standard output and standard error so far. */
    output(): string;
    /** Whether it is still running. */
    running(): boolean;
    /** How it ended ('exit code 1'), or '' while it runs. */
    exitDescription(): string;
    /** Kills it (SIGKILL) and waits for it to end. */
    kill(): Promise<void>;
};

/** Runs `node <script>` with the Runtime's address in DOLITTLE_RUNTIME_HOST/PORT (where SDK clients built without withRuntimeOn connect). */
export function startHeadProgram(script: string, runtime: { readonly address: string; readonly privatePort: number }, workingFolder: string, nodeArguments: ReadonlyArray<string> = []): HeadProgram {
    const child: ChildProcess = spawn(process.execPath, [...nodeArguments, script], {
        cwd: workingFolder,
        env: { ...process.env, DOLITTLE_RUNTIME_HOST: runtime.address, DOLITTLE_RUNTIME_PORT: String(runtime.privatePort) },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let ended = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
    });
    const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
        ended = signal === null ? `exit code ${code ?? '?'}` : `signal ${signal}`;
        resolve();
    }));
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    void exited.then(() => process.off('exit', killOnExit));
    return {
        output: () => output,
        running: () => ended === '',
        exitDescription: () => ended,
        kill: async () => {
            if (ended === '') {
                child.kill('SIGKILL');
            }
            await exited;
        },
    };
}
