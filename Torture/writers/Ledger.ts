/** How a commit ended, as its writer saw it. */
export type CommitOutcome =
    /** The Runtime answered with the committed events: they must be stored, at these sequence numbers. */
    | 'acknowledged'
    /** The Runtime answered with a failure (e.g. a concurrency conflict): nothing may be stored. */
    | 'refused'
    /** The call broke (the Runtime was killed or restarting): the events may or may not be stored. */
    | 'unknown';

/** One commit a writer made: the ids of its events (in their content), and what became of it. */
export type CommitRecord = {
    readonly tenant: number;
    readonly kind: 'events' | 'sdk events' | 'aggregate';
    readonly ids: ReadonlyArray<string>;
    readonly outcome: CommitOutcome;
    /** The sequence numbers the Runtime answered, for an acknowledged commit. */
    readonly sequenceNumbers: ReadonlyArray<number>;
    readonly reason?: string;
};

/** Every commit of a run, as the writers saw them, and how many events are acknowledged so far. */
export class Ledger {
    readonly commits: CommitRecord[] = [];
    #acknowledgedEvents = 0;

    /** Records a commit. */
    record(commit: CommitRecord): void {
        this.commits.push(commit);
        if (commit.outcome === 'acknowledged') {
            this.#acknowledgedEvents += commit.ids.length;
        }
    }

    /** The events acknowledged so far. */
    get acknowledgedEvents(): number {
        return this.#acknowledgedEvents;
    }
}
