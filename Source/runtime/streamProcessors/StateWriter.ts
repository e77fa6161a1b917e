import type { StreamProcessorState } from '../streams/index.js';
import { eventsHandedAgainAtMost } from './eventsHandedAgainAtMost.js';
import { saveUntilStored } from './saveUntilStored.js';
import type { StorageFailureLog } from './StorageFailureLog.js';

/** How often a processor's position is written while it moves on: every this many positions, or this many milliseconds. */
export const positionWrites = { everyPositions: 50, everyMilliseconds: 100 } as const;

/** What a state writer needs: how to store a state, where to tell storage failures, when to stop retrying. */
export type StateWriterOptions = {
    readonly save: (state: StreamProcessorState) => Promise<void>;
    readonly failures: StorageFailureLog;
    readonly signal: AbortSignal;
    readonly everyPositions?: number;
    readonly everyMilliseconds?: number;
};

/**
 * Keeps a processor's state in memory and writes it coalesced, one write at a time: a write per event would cost a
 * database round trip per event (on PostgreSQL, as much as handing the event to the head). The newest state is
 * written once it is `everyPositions` past the stored one or `everyMilliseconds` after it changed, whichever comes
 * first, and at once on `flush` (failures, filter appends, stops, edits, re-reads). A write that fails while the
 * store is unavailable is tried again every second; any other failure is thrown by the writer's next call.
 */
export class StateWriter {
    readonly #options: StateWriterOptions;
    readonly #everyPositions: number;
    readonly #everyMilliseconds: number;
    #stored: StreamProcessorState;
    #latest: StreamProcessorState;
    #writing: Promise<void> | undefined;
    #timer: NodeJS.Timeout | undefined;
    #failure: { readonly error: unknown } | undefined;

    /** Creates the writer of a processor whose stored state is `stored`. */
    constructor(stored: StreamProcessorState, options: StateWriterOptions) {
        this.#options = options;
        this.#everyPositions = options.everyPositions ?? positionWrites.everyPositions;
        this.#everyMilliseconds = options.everyMilliseconds ?? positionWrites.everyMilliseconds;
        this.#stored = stored;
        this.#latest = stored;
    }

    /** The newest state the processor reached (in memory). */
    get latest(): StreamProcessorState {
        return this.#latest;
    }

    /** Whether the newest state is not stored yet. */
    get unstored(): boolean {
        return this.#latest !== this.#stored;
    }

    /** The position known to be stored. */
    get storedPosition(): number {
        return this.#stored.position;
    }

    /**
     * Whether an event at a position may be handed to the head now: only while it is less than
     * `eventsHandedAgainAtMost` past the stored position.
     */
    mayHand(position: number): boolean {
        return position - this.#stored.position < eventsHandedAgainAtMost;
    }

    /**
     * Takes the processor's newest state and writes it when it is due; throws the failure of a write before (the state
     * is still taken, so the processor can store it again). A state behind the newest is ignored.
     */
    update(state: StreamProcessorState): void {
        if (state.position >= this.#latest.position) {
            this.#latest = state;
        }
        this.#throwFailure();
        if (this.#writing === undefined) {
            this.#scheduleWrite();
        }
    }

    /** Takes the processor's newest state and resolves once it (or a newer one) is stored. */
    async write(state: StreamProcessorState): Promise<void> {
        this.update(state);
        await this.flush();
    }

    /**
     * Stores a state through another write (a filter's append together with its position), after the write under
     * way; the state is then both the newest and the stored one.
     */
    async writeWith(state: StreamProcessorState, write: (state: StreamProcessorState) => Promise<void>): Promise<void> {
        this.#throwFailure();
        await this.#writing;
        this.#throwFailure();
        this.#clearTimer();
        await write(state);
        this.#stored = state;
        this.#latest = state;
    }

    /** Resolves once the newest state is stored; rejects with the failure of a write that failed. */
    async flush(): Promise<void> {
        for (;;) {
            this.#throwFailure();
            if (this.#latest === this.#stored) {
                this.#clearTimer();
                return;
            }
            await (this.#writing ?? this.#startWrite());
        }
    }

    /** Resolves once the write under way (if any) has ended, whether it succeeded or not. */
    async writeUnderWay(): Promise<void> {
        await this.#writing;
    }

    /** Takes a state that was stored by someone else (an operator's edit): it is the newest and the stored one. */
    stored(state: StreamProcessorState): void {
        this.#clearTimer();
        this.#stored = state;
        this.#latest = state;
    }

    /** Stops writing: no timer stays, and the write under way (if any) has ended, whether it succeeded or not. */
    async settle(): Promise<void> {
        this.#clearTimer();
        await this.#writing;
        this.#clearTimer();
    }

    #scheduleWrite(): void {
        if (this.#latest === this.#stored || this.#failure !== undefined) {
            return;
        }
        if (this.#latest.position - this.#stored.position >= this.#everyPositions) {
            void this.#startWrite();
            return;
        }
        this.#timer ??= setTimeout(() => {
            this.#timer = undefined;
            void this.#startWrite();
        }, this.#everyMilliseconds);
    }

    #startWrite(): Promise<void> {
        this.#clearTimer();
        this.#writing ??= this.#writeLatest();
        return this.#writing;
    }

    async #writeLatest(): Promise<void> {
        const state = this.#latest;
        try {
            await saveUntilStored(() => this.#options.save(state), this.#options.failures, this.#options.signal);
            if (state.position >= this.#stored.position) {
                this.#stored = state;
            }
        } catch (error) {
            this.#failure ??= { error };
        } finally {
            this.#writing = undefined;
        }
        this.#scheduleWrite();
    }

    #clearTimer(): void {
        clearTimeout(this.#timer);
        this.#timer = undefined;
    }

    #throwFailure(): void {
        if (this.#failure !== undefined) {
            throw this.#failure.error;
        }
    }
}
