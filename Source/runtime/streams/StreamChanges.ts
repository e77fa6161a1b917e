/**
 * Tells waiting stream processors that a stream or an event log has grown, without polling.
 * Each source has a version that moves on every change; a reader takes the version before it reads, and
 * waits only if the version is still the same afterwards, so a change between the read and the wait is
 * never missed.
 */
export class StreamChanges {
    readonly #versions = new Map<string, number>();
    readonly #waiters = new Map<string, Set<() => void>>();

    /** The current version of a source (a stream key text or an event log key). */
    version(source: string): number {
        return this.#versions.get(source) ?? 0;
    }

    /** Records that a source changed and wakes everyone waiting for it. */
    changed(source: string): void {
        this.#versions.set(source, this.version(source) + 1);
        const waiters = this.#waiters.get(source);
        if (waiters !== undefined) {
            this.#waiters.delete(source);
            for (const wake of waiters) {
                wake();
            }
        }
    }

    /**
     * Resolves when the source's version differs from `sinceVersion`, when `timeout` milliseconds have passed,
     * or when the signal aborts, whichever comes first.
     */
    waitForChange(source: string, sinceVersion: number, timeout: number, signal: AbortSignal): Promise<void> {
        if (this.version(source) !== sinceVersion || signal.aborted) {
            return Promise.resolve();
        }
        return new Promise((resolve) => {
            const done = (): void => {
                clearTimeout(timer);
                signal.removeEventListener('abort', done);
                this.#waiters.get(source)?.delete(done);
                resolve();
            };
            const timer = setTimeout(done, Math.max(0, timeout));
            signal.addEventListener('abort', done, { once: true });
            let waiters = this.#waiters.get(source);
            if (waiters === undefined) {
                waiters = new Set();
                this.#waiters.set(source, waiters);
            }
            waiters.add(done);
        });
    }
}

/** The change source name of a scope's event log. */
export function eventLogSource(scope: string): string {
    return `event-log/${scope}`;
}
