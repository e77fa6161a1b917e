import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A message a forked script sends over its IPC channel: every one names its kind. */
export type ScriptMessage = { readonly kind: string };

const typeScriptLoader = import.meta.resolve('tsx');

/**
 * A benchmark script (TypeScript, run through tsx) in a process of its own, talking to this process over IPC. Its
 * messages are kept in order so that none is missed between two waits.
 */
export class ForkedScript<Message extends ScriptMessage> {
    readonly #child: ChildProcess;
    readonly #received: Message[] = [];
    readonly #listeners = new Set<() => void>();
    readonly #output: string[] = [];
    #ended: string | undefined;

    /** Forks `script` (a URL next to the caller) with one JSON argument. */
    constructor(script: URL, argument: unknown, nodeOptions: ReadonlyArray<string> = []) {
        this.#child = fork(fileURLToPath(script), [JSON.stringify(argument)], {
            execArgv: ['--import', typeScriptLoader, ...nodeOptions],
            stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        });
        for (const stream of [this.#child.stdout, this.#child.stderr]) {
            stream?.setEncoding('utf8');
            stream?.on('data', (chunk: string) => this.#output.push(chunk));
        }
        this.#child.on('message', (message: Message) => {
            this.#received.push(message);
            this.#listeners.forEach((listener) => listener());
        });
        this.#child.on('exit', (code, signal) => {
            this.#ended = signal === null ? `exit code ${code}` : `signal ${signal}`;
            this.#listeners.forEach((listener) => listener());
        });
        const killOnExit = () => this.#child.kill('SIGKILL');
        process.once('exit', killOnExit);
        this.#child.once('exit', () => process.off('exit', killOnExit));
    }

    /** The process id of the script. */
    get pid(): number | undefined {
        return this.#child.pid;
    }

    /** Calls `listener` for every message, the ones already received first. */
    onMessage(listener: (message: Message) => void): () => void {
        let delivered = 0;
        const deliver = () => {
            while (delivered < this.#received.length) {
                listener(this.#received[delivered++]!);
            }
        };
        deliver();
        this.#listeners.add(deliver);
        return () => this.#listeners.delete(deliver);
    }

    /** Waits for the first message (received before or after the call) of some kinds; fails when the script ends or the time is up. */
    next<Kind extends Message['kind']>(kinds: Kind | ReadonlyArray<Kind>, timeoutMilliseconds: number): Promise<Extract<Message, { kind: Kind }>> {
        const wanted: ReadonlyArray<string> = typeof kinds === 'string' ? [kinds] : kinds;
        const kind = wanted.join("' or '");
        return new Promise((resolve, reject) => {
            const check = () => {
                const found = this.#received.find((message) => wanted.includes(message.kind));
                if (found !== undefined) {
                    finish();
                    resolve(found as Extract<Message, { kind: Kind }>);
                } else if (this.#ended !== undefined) {
                    finish();
                    reject(new Error(`The script ended (${this.#ended}) before it sent '${kind}'. Its output:\n${this.output()}`));
                }
            };
            const timer = setTimeout(() => {
                finish();
                reject(new Error(`The script sent no '${kind}' within ${timeoutMilliseconds} ms. Its output:\n${this.output()}`));
            }, timeoutMilliseconds);
            const finish = () => {
                clearTimeout(timer);
                this.#listeners.delete(check);
            };
            this.#listeners.add(check);
            check();
        });
    }

    /** What the script wrote to stdout and stderr. */
    output(): string {
        return this.#output.join('');
    }

    /** Ends the script (SIGTERM, then SIGKILL after a second) and waits for its exit. */
    async stop(): Promise<void> {
        if (this.#ended !== undefined || this.#child.exitCode !== null) {
            return;
        }
        const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
        this.#child.kill('SIGTERM');
        const timer = setTimeout(() => this.#child.kill('SIGKILL'), 1_000);
        await exited;
        clearTimeout(timer);
    }
}
