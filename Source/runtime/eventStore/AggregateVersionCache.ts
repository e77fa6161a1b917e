import { aggregateKeyText, type AggregateVersionChange } from './AggregateKey.js';

/** The most aggregates one tenant's event store remembers the version of (Documentation/storage.md#aggregate-versions). */
export const maximumCachedAggregates = 100_000;

/** Looks up the version of an aggregate by its key text; undefined when it is not known. */
export type AggregateVersionLookup = {
    readonly versionOf: (key: string) => number | undefined;
};

/**
 * The versions of the aggregates one event store committed or read lately, so that a commit does not ask storage for
 * them. At most `capacity` are kept: the least recently used is forgotten first, and a forgotten one is read from
 * storage again when a commit needs it. A batch's own moves are not put here while it is stored: they are applied
 * once its transaction has committed, and a failed batch leaves the cache as it was. The cache is a shortcut, never
 * the authority: storage refuses a commit whose aggregate moved elsewhere, whatever the cache said.
 */
export class AggregateVersionCache implements AggregateVersionLookup {
    readonly capacity: number;
    // A Map iterates in insertion order: re-inserting on every use keeps the least recently used first.
    readonly #versions = new Map<string, number>();

    /** Creates an empty cache holding at most `capacity` aggregates. */
    constructor(capacity: number = maximumCachedAggregates) {
        if (!Number.isInteger(capacity) || capacity < 1) {
            throw new RangeError(`An aggregate version cache must hold at least one aggregate, not ${capacity}`);
        }
        this.capacity = capacity;
    }

    /** How many aggregates are remembered now (never more than the capacity). */
    get size(): number {
        return this.#versions.size;
    }

    versionOf(key: string): number | undefined {
        const version = this.#versions.get(key);
        if (version !== undefined) {
            this.#versions.delete(key);
            this.#versions.set(key, version);
        }
        return version;
    }

    /** Remembers versions read from storage. */
    remember(versions: Iterable<readonly [string, number]>): void {
        for (const [key, version] of versions) {
            this.#set(key, version);
        }
    }

    /** Applies the moves of a batch whose transaction has committed. */
    applyCommitted(changes: ReadonlyArray<AggregateVersionChange>): void {
        for (const change of changes) {
            this.#set(aggregateKeyText(change), change.newVersion);
        }
    }

    /** Forgets the aggregates a batch touched, when whether it committed is not known (its next commit reads storage). */
    forget(changes: ReadonlyArray<AggregateVersionChange>): void {
        for (const change of changes) {
            this.#versions.delete(aggregateKeyText(change));
        }
    }

    /** Forgets everything, when another writer may have moved any aggregate. */
    clear(): void {
        this.#versions.clear();
    }

    #set(key: string, version: number): void {
        this.#versions.delete(key);
        this.#versions.set(key, version);
        if (this.#versions.size > this.capacity) {
            const oldest = this.#versions.keys().next();
            if (oldest.done !== true) {
                this.#versions.delete(oldest.value);
            }
        }
    }
}
