import { StreamChanges } from '../../streams/index.js';

/** One time a reader went to sleep on a source: how long it meant to sleep at most. */
export type ObservedWait = { readonly source: string; readonly timeout: number };

/**
 * The real StreamChanges that also remembers who went to sleep on which source and which sources changed, so a
 * test can tell that a processor is idle before it commits (and so proves a wake-up) or counts a stream's appends.
 */
export class ObservedStreamChanges extends StreamChanges {
    readonly #waits: ObservedWait[] = [];
    readonly #changes = new Map<string, number>();

    /** Every wait so far, oldest first. */
    get waits(): ReadonlyArray<ObservedWait> {
        return this.#waits;
    }

    /** How many waits on a source have begun so far. */
    waitsOn(source: string): number {
        return this.#waits.filter((wait) => wait.source === source).length;
    }

    /** How many times a source was announced as changed. */
    changesOf(source: string): number {
        return this.#changes.get(source) ?? 0;
    }

    override changed(source: string): void {
        this.#changes.set(source, this.changesOf(source) + 1);
        super.changed(source);
    }

    override waitForChange(source: string, sinceVersion: number, timeout: number, signal: AbortSignal): Promise<void> {
        this.#waits.push({ source, timeout });
        return super.waitForChange(source, sinceVersion, timeout, signal);
    }
}
