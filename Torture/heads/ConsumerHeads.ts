import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

// tsx, found from the repository root (the working directory of npm scripts and of the tests).
const typeScriptLoader = 'tsx';
const script = fileURLToPath(new URL('./consumerHead.ts', import.meta.url));

/** The consumer head process of a run: started, told the Runtime's new address, killed and started again. */
export class ConsumerHeads {
    readonly #deliveriesFile: string;
    readonly #log: WriteStream;
    #child: ChildProcess | undefined;
    #exited: Promise<void> = Promise.resolve();
    #started = 0;

    constructor(deliveriesFile: string, logFile: string) {
        this.#deliveriesFile = deliveriesFile;
        this.#log = createWriteStream(logFile, { flags: 'a' });
    }

    /** Starts the head against the address (the Runtime's private endpoint). */
    start(address: string): void {
        // Each head process numbers its connections from a million past the previous one's.
        const firstConnection = this.#started * 1_000_000;
        this.#started += 1;
        const child = fork(script, [address, this.#deliveriesFile, String(firstConnection)], { execArgv: ['--import', typeScriptLoader], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
        child.stdout?.pipe(this.#log, { end: false });
        child.stderr?.pipe(this.#log, { end: false });
        this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
        const killOnExit = () => child.kill('SIGKILL');
        process.once('exit', killOnExit);
        child.once('exit', () => process.off('exit', killOnExit));
        this.#child = child;
    }

    /** Tells the head the Runtime's address after a restart. */
    moved(address: string): void {
        this.#child?.send({ address });
    }

    /** Kills the head with SIGKILL in the middle of whatever it does, and starts it again. */
    async killAndRestart(address: string): Promise<void> {
        this.#child?.kill('SIGKILL');
        await this.#exited;
        this.start(address);
    }

    /** Stops the head. */
    async stop(): Promise<void> {
        this.#child?.disconnect();
        const killLater = setTimeout(() => this.#child?.kill('SIGKILL'), 5_000);
        await this.#exited;
        clearTimeout(killLater);
        this.#log.end();
    }
}
