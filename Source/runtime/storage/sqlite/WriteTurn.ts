/**
 * The turns at writing one embedded database file among the writers of this process (the main connection's writes
 * and the writer threads'), first come, first served. SQLite's lock is not fair: the event log's writer thread
 * begins its next transaction as soon as it ends one, and a position write that waits for the lock on timers only
 * gets it when it happens to look in a gap, so under a steady load of commits the processors barely moved (the
 * torture run's handlers fell behind by hundreds of thousands of events). Taking turns here, a write waits at most
 * for the writes asked for before it; the lock is then only ever contended by other processes.
 */
export class WriteTurn {
    #last: Promise<void> = Promise.resolve();

    /** Runs the write when the writes asked for before it have ended (however they ended), and answers its result. */
    async take<T>(write: () => Promise<T>): Promise<T> {
        const previous = this.#last;
        let release!: () => void;
        this.#last = new Promise((resolve) => {
            release = resolve;
        });
        await previous;
        try {
            return await write();
        } finally {
            release();
        }
    }
}
