/** A change an operator asks of a processor's state: it persists the changed state itself and returns it. */
export type StateEdit<State> = (state: State) => Promise<State>;

type PendingEdit<State> = {
    readonly edit: StateEdit<State>;
    readonly resolve: (state: State) => void;
    readonly reject: (error: unknown) => void;
};

/**
 * The edits waiting for one running processor. The processor applies them itself between two steps, so an operator's
 * replay, retry or skip never writes a position behind its back; a waiting processor is woken at once.
 */
export class ProcessorEdits<State> {
    readonly #pending: PendingEdit<State>[] = [];
    readonly #stopWhen: AbortSignal;
    #wake = new AbortController();
    #stopped: Error | undefined;

    /** Creates the queue of a processor that runs until `stopWhen` aborts. */
    constructor(stopWhen: AbortSignal) {
        this.#stopWhen = stopWhen;
        stopWhen.addEventListener('abort', () => this.#wake.abort(), { once: true });
    }

    /** Queues an edit; resolves with the state after it once the processor has applied it, rejects when it stopped first. */
    submit(edit: StateEdit<State>): Promise<State> {
        if (this.#stopped !== undefined) {
            return Promise.reject(this.#stopped);
        }
        return new Promise((resolve, reject) => {
            this.#pending.push({ edit, resolve, reject });
            this.#wake.abort();
        });
    }

    /** Whether edits wait to be applied. */
    get pending(): boolean {
        return this.#pending.length > 0;
    }

    /**
     * The signal a waiting processor waits with: it aborts as soon as an edit waits, and when the processor stops
     * (so the processor needs no signal combining the two).
     */
    get waiting(): AbortSignal {
        if (this.#wake.signal.aborted && this.#pending.length === 0 && !this.#stopWhen.aborted) {
            this.#wake = new AbortController();
        }
        return this.#wake.signal;
    }

    /** Applies the waiting edits in order to the state; an edit that fails is rejected and leaves the state as it was. */
    async apply(state: State): Promise<State> {
        let current = state;
        for (let next = this.#pending.shift(); next !== undefined; next = this.#pending.shift()) {
            try {
                current = await next.edit(current);
                next.resolve(current);
            } catch (error) {
                next.reject(error);
            }
        }
        return current;
    }

    /** Rejects the waiting edits and every later one: the processor has stopped. */
    stop(): void {
        this.#stopped = new ProcessorHasStopped();
        for (let next = this.#pending.shift(); next !== undefined; next = this.#pending.shift()) {
            next.reject(this.#stopped);
        }
    }
}

/** Thrown to an edit submitted to a processor that stopped before it applied it (its head disconnected). */
export class ProcessorHasStopped extends Error {
    /** Creates the error. */
    constructor() {
        super('The processor stopped before it applied the change');
        this.name = 'ProcessorHasStopped';
    }
}
