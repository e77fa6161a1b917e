import type { Guid } from '../guids/index.js';
import { streamProcessorKeyText, type StreamProcessorKey, type StreamProcessorState } from '../streams/index.js';
import type { ProcessorEdits } from './ProcessorEdits.js';

/** Where a running processor takes edits: per tenant and processor key. */
export type EditableProcessor = {
    readonly tenant: Guid;
    readonly processors: EditableProcessors;
};

/** The processors running in this Runtime that take an operator's edits, by tenant and processor key. */
export class EditableProcessors {
    readonly #running = new Map<string, ProcessorEdits<StreamProcessorState>>();

    /** Makes a running processor's edits findable; the returned function removes them again when it stops. */
    add(tenant: Guid, key: StreamProcessorKey, edits: ProcessorEdits<StreamProcessorState>): () => void {
        const text = textOf(tenant, key);
        this.#running.set(text, edits);
        return () => {
            if (this.#running.get(text) === edits) {
                this.#running.delete(text);
            }
        };
    }

    /** The edits of the processor running for a tenant and key, or undefined when none runs. */
    find(tenant: Guid, key: StreamProcessorKey): ProcessorEdits<StreamProcessorState> | undefined {
        return this.#running.get(textOf(tenant, key));
    }
}

function textOf(tenant: Guid, key: StreamProcessorKey): string {
    return `${tenant}/${streamProcessorKeyText(key)}`;
}
