import { newGuid, type Guid } from '../guids/index.js';

type Pending<Response> = {
    readonly resolve: (response: Response) => void;
    readonly reject: (error: unknown) => void;
};

/** The calls a connection waits on, each under a fresh random call id, answered strictly by that id. */
export class PendingCalls<Response> {
    readonly #pending = new Map<Guid, Pending<Response>>();
    // One abort listener per signal, whatever the number of calls waiting on it: an EventTarget looks through its
    // listeners on every add and remove, so a listener per call costs O(calls in flight) each (a projection keeps
    // a thousand keys in flight on one signal).
    readonly #aborts = new Map<AbortSignal, { readonly callbacks: Set<() => void>; readonly listener: () => void }>();

    /** How many calls wait for their response. */
    get size(): number {
        return this.#pending.size;
    }

    /**
     * Registers a new call under a fresh id and hands the id to `send`; the promise settles with the response for
     * that id, with the abort reason when `signal` aborts first, with the error `timedOut` makes when `timeout`
     * milliseconds pass first (the call is forgotten: a late response completes nothing), or with the error given
     * to `rejectAll`.
     */
    start(send: (callId: Guid) => void, signal?: AbortSignal, timeout?: { readonly milliseconds: number; readonly timedOut: (callId: Guid) => Error }): Promise<Response> {
        return new Promise<Response>((resolve, reject) => {
            if (signal?.aborted) {
                reject(signal.reason);
                return;
            }
            const callId = newGuid();
            let timer: NodeJS.Timeout | undefined;
            const forget = () => {
                this.#pending.delete(callId);
                if (signal !== undefined) {
                    this.#stopWatching(signal, onAbort);
                }
                clearTimeout(timer);
            };
            const onAbort = () => {
                forget();
                reject(signal?.reason);
            };
            if (signal !== undefined) {
                this.#watch(signal, onAbort);
            }
            this.#pending.set(callId, {
                resolve: (response) => {
                    forget();
                    resolve(response);
                },
                reject: (error) => {
                    forget();
                    reject(error);
                },
            });
            if (timeout !== undefined) {
                timer = setTimeout(() => {
                    forget();
                    reject(timeout.timedOut(callId));
                }, timeout.milliseconds);
            }
            send(callId);
        });
    }

    #watch(signal: AbortSignal, onAbort: () => void): void {
        const watching = this.#aborts.get(signal);
        if (watching !== undefined) {
            watching.callbacks.add(onAbort);
            return;
        }
        const callbacks = new Set([onAbort]);
        const listener = () => {
            this.#aborts.delete(signal);
            for (const callback of [...callbacks]) {
                callback();
            }
        };
        this.#aborts.set(signal, { callbacks, listener });
        signal.addEventListener('abort', listener, { once: true });
    }

    #stopWatching(signal: AbortSignal, onAbort: () => void): void {
        const watching = this.#aborts.get(signal);
        if (watching === undefined) {
            return;
        }
        watching.callbacks.delete(onAbort);
        if (watching.callbacks.size === 0) {
            this.#aborts.delete(signal);
            signal.removeEventListener('abort', watching.listener);
        }
    }

    /** Settles the call with the given id; tells whether such a call was pending. */
    complete(callId: Guid, response: Response): boolean {
        const pending = this.#pending.get(callId);
        if (pending === undefined) {
            return false;
        }
        this.#pending.delete(callId);
        pending.resolve(response);
        return true;
    }

    /** Rejects every pending call with the given error. */
    rejectAll(error: unknown): void {
        const pending = [...this.#pending.values()];
        this.#pending.clear();
        for (const call of pending) {
            call.reject(error);
        }
    }
}
