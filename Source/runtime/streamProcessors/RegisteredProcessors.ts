import { EditableProcessors } from './EditableProcessors.js';

/**
 * The processors registered in this Runtime process, by (scope, processor id). Event handlers, filters and
 * projections share this id space (as in the original Runtime), so one id cannot be held by two connections.
 */
export class RegisteredProcessors {
    readonly #registered = new Map<string, string>();
    /** The running processors that take an operator's edits (replay, retry, skip). */
    readonly editable = new EditableProcessors();

    /** Takes the id for a kind of processor; returns what holds it already when taken, else undefined. */
    register(scope: string, processorId: string, kind: string): string | undefined {
        const key = `${scope}/${processorId}`;
        const holder = this.#registered.get(key);
        if (holder !== undefined) {
            return holder;
        }
        this.#registered.set(key, kind);
        return undefined;
    }

    /** What holds the id now, or undefined when it is free. */
    holderOf(scope: string, processorId: string): string | undefined {
        return this.#registered.get(`${scope}/${processorId}`);
    }

    /** Releases the id so a restarted head can register it again. */
    release(scope: string, processorId: string): void {
        this.#registered.delete(`${scope}/${processorId}`);
    }
}
