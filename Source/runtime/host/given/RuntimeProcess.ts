import { spawn, type ChildProcess } from 'node:child_process';
import { ListeningPortsReport, type ListeningPorts } from './listeningPorts.js';

const keptLines = 20_000;

/** One run of the Runtime as a child process: its output, kept in memory, the ports it reported, and its exit. */
export class RuntimeProcess {
    readonly #child: ChildProcess;
    readonly #ports = new ListeningPortsReport();
    readonly #exited: Promise<void>;
    #running = true;
    #signalled = false;
    #exitDescription = '';

    /**
     * Starts `node <main> <arguments>` (in `workingDirectory`, else this process's), through the launcher when one is
     * given (e.g. `ip netns exec <namespace>`, which execs node, so signals reach the Runtime), and records every line
     * it writes into `lines`.
     */
    constructor(main: string, argumentList: ReadonlyArray<string>, private readonly lines: string[], workingDirectory?: string, launcher: ReadonlyArray<string> = []) {
        const [command, ...launcherArguments] = [...launcher, process.execPath];
        this.#child = spawn(command!, [...launcherArguments, main, ...argumentList], { stdio: ['ignore', 'pipe', 'pipe'], ...(workingDirectory === undefined ? {} : { cwd: workingDirectory }) });
        this.#record(this.#child.stdout, 'stdout');
        this.#record(this.#child.stderr, 'stderr');
        this.#exited = new Promise((resolve) => {
            this.#child.once('exit', (code, signal) => {
                this.#running = false;
                this.#exitDescription = signal === null ? `exit code ${code}` : `signal ${signal}`;
                const unasked = this.#signalled ? '' : ', although the harness did not stop it (did something else signal it?)';
                this.lines.push(`[harness] the Runtime (pid ${this.#child.pid}) ended with ${this.#exitDescription}${unasked}`);
                resolve();
            });
        });
        // The child must not outlive a test worker that ends abruptly.
        const killOnExit = () => this.#child.kill('SIGKILL');
        process.once('exit', killOnExit);
        void this.#exited.then(() => process.off('exit', killOnExit));
    }

    /** Tells whether the process has not exited yet. */
    get running(): boolean {
        return this.#running;
    }

    /** The ports this run reported listening on (see listeningPorts.ts), once it has reported all three. */
    get listeningPorts(): ListeningPorts | undefined {
        return this.#ports.ports;
    }

    /** How the process ended ("exit code 0", "signal SIGKILL"), or '' while it runs. */
    get exitDescription(): string {
        return this.#exitDescription;
    }

    /** Sends a signal and waits for the exit; escalates to SIGKILL after the grace period. */
    async signal(signal: NodeJS.Signals, graceMilliseconds = 15_000): Promise<void> {
        if (!this.#running) {
            return;
        }
        this.#signalled = true;
        this.#child.kill(signal);
        const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMilliseconds).unref());
        if ((await Promise.race([this.#exited.then(() => 'exited' as const), timer])) === 'late') {
            this.lines.push(`[harness] the Runtime did not exit within ${graceMilliseconds} ms of ${signal}; killing it`);
            this.#child.kill('SIGKILL');
            await this.#exited;
        }
    }

    #record(stream: NodeJS.ReadableStream | null, name: string): void {
        let partial = '';
        stream?.setEncoding('utf8');
        stream?.on('data', (chunk: string) => {
            const parts = (partial + chunk).split('\n');
            partial = parts.pop() ?? '';
            for (const line of parts) {
                this.#ports.read(line);
                this.lines.push(name === 'stderr' ? `[stderr] ${line}` : line);
            }
            if (this.lines.length > keptLines) {
                this.lines.splice(0, this.lines.length - keptLines);
            }
        });
        stream?.on('end', () => {
            if (partial !== '') {
                this.lines.push(partial);
            }
        });
    }
}
