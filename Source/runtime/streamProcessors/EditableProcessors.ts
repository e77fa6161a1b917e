import type { Guid } from '../guids/index.js';
import { streamProcessorKeyText, type StreamProcessorKey, type StreamProcessorState } from '../streams/index.js';
import type { ProcessorEdits } from './ProcessorEdits.js';

/** Where a running processor takes edits: per tenant and processor key. */
export type EditableProcessor = {
    readonly tenant: Guid;
    readonly processors: EditableProcessors;
};

/** What a running processor shows: where its edits go, and the state it reached in memory (undefined until read). */
type RunningProcessor = {
    readonly edits: ProcessorEdits<StreamProcessorState>;
    readonly current: () => StreamProcessorState | undefined;
};

/** The processors running in this Runtime that take an operator's edits, by tenant and processor key. */
export class EditableProcessors {
    readonly #running = new Map<string, RunningProcessor>();

    /**
     * Makes a running processor's edits, and the state it reached in memory, findable; the returned function removes
     * them again when it stops.
     */
    add(tenant: Guid, key: StreamProcessorKey, edits: ProcessorEdits<StreamProcessorState>, current: () => StreamProcessorState | undefined = () => undefined): () => void {
        const text = textOf(tenant, key);
        const running = { edits, current };
        this.#running.set(text, running);
        return () => {
            if (this.#running.get(text) === running) {
                this.#running.delete(text);
            }
        };
    }

    /** The edits of the processor running for a tenant and key, or undefined when none runs. */
    find(tenant: Guid, key: StreamProcessorKey): ProcessorEdits<StreamProcessorState> | undefined {
        return this.#running.get(textOf(tenant, key))?.edits;
    }

    /**
     * The state a running processor reached in memory, ahead of its stored state (positions are written coalesced),
     * or undefined when none runs or it shows none.
     */
    currentState(tenant: Guid, key: StreamProcessorKey): StreamProcessorState | undefined {
        return this.#running.get(textOf(tenant, key))?.current();
    }
}

function textOf(tenant: Guid, key: StreamProcessorKey): string {
    return `${tenant}/${streamProcessorKeyText(key)}`;
}
