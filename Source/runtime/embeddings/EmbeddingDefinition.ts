import type { Guid } from '../guids/index.js';

/** What a head registers for an embedding: its id, the event types its aggregate events have, and the initial state. */
export type EmbeddingDefinition = {
    readonly embeddingId: Guid;
    readonly eventTypes: ReadonlyArray<Guid>;
    /** The state of a key no event has changed, as JSON text. */
    readonly initialState: string;
};

/**
 * Says how a registration differs from the stored definition, or undefined when it does not: the initial state
 * (compared as text, like the original) or the set of event types.
 */
export function definitionChange(stored: EmbeddingDefinition, registered: EmbeddingDefinition): string | undefined {
    if (stored.initialState !== registered.initialState) {
        return `its initial state changed from ${stored.initialState.slice(0, 100)} to ${registered.initialState.slice(0, 100)}`;
    }
    const storedTypes = new Set(stored.eventTypes);
    const registeredTypes = new Set(registered.eventTypes);
    const added = [...registeredTypes].filter((type) => !storedTypes.has(type));
    const removed = [...storedTypes].filter((type) => !registeredTypes.has(type));
    if (added.length > 0 || removed.length > 0) {
        return `its event types changed (added: ${added.join(', ') || 'none'}; removed: ${removed.join(', ') || 'none'})`;
    }
    return undefined;
}
