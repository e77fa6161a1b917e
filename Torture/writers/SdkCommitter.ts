import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CommitOutcome } from './Ledger.js';

/** A commit the run asks the SDK process to make. */
export type SdkCommitRequest = { readonly number: number; readonly tenant: number; readonly events: ReadonlyArray<{ readonly id: string; readonly eventSource: string }> };

/** What the SDK process answers for a commit. */
export type SdkCommitAnswer = { readonly number: number; readonly outcome: CommitOutcome | 'not sent'; readonly sequenceNumbers: ReadonlyArray<number>; readonly reason?: string };

const script = fileURLToPath(new URL('./sdkCommitterProcess.ts', import.meta.url));

/**
 * The official SDK as a committer of the run, in a process of its own: commits go to it over IPC. When the Runtime
 * restarts on new ports, `moved` starts the process again against them; the commits it had in flight end as unknown.
 */
export class SdkCommitter {
    readonly #pending = new Map<number, (answer: SdkCommitAnswer) => void>();
    #child: ChildProcess | undefined;
    #next = 0;

    /** Starts the SDK process against the Runtime's private endpoint. */
    start(address: string): void {
        const child = fork(script, [address], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
        child.on('message', (answer: SdkCommitAnswer) => {
            this.#pending.get(answer.number)?.(answer);
            this.#pending.delete(answer.number);
        });
        child.once('exit', () => this.#endPending(child, 'the SDK process ended'));
        const killOnExit = () => child.kill('SIGKILL');
        process.once('exit', killOnExit);
        child.once('exit', () => process.off('exit', killOnExit));
        this.#child = child;
    }

    /** Commits events through the SDK; resolves with its answer (unknown when the process ended first). */
    commit(tenant: number, events: SdkCommitRequest['events']): Promise<SdkCommitAnswer> {
        const child = this.#child;
        const number = this.#next++;
        if (child === undefined || !child.connected) {
            return Promise.resolve({ number, outcome: 'not sent', sequenceNumbers: [], reason: 'the SDK process is not running' });
        }
        return new Promise((resolve) => {
            this.#pending.set(number, resolve);
            child.send({ number, tenant, events } satisfies SdkCommitRequest);
        });
    }

    /** Starts the SDK process again against the Runtime's new address. */
    async moved(address: string): Promise<void> {
        await this.stop();
        this.start(address);
    }

    /** Stops the SDK process. */
    async stop(): Promise<void> {
        const child = this.#child;
        this.#child = undefined;
        if (child !== undefined && child.exitCode === null && child.signalCode === null) {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGKILL');
            await exited;
        }
    }

    #endPending(child: ChildProcess, reason: string): void {
        if (this.#child !== undefined && this.#child !== child) {
            return;
        }
        for (const [number, resolve] of this.#pending) {
            resolve({ number, outcome: 'unknown', sequenceNumbers: [], reason });
        }
        this.#pending.clear();
    }
}
