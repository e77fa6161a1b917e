import type { Guid } from '../guids/index.js';
import type { EmbeddingDefinition } from './EmbeddingDefinition.js';

/**
 * An embedding's stored state for one key: the JSON text, the version of the key's aggregate it reflects (the number
 * of its events projected so far), and whether the key was removed (a removed key keeps its row and version).
 */
export type EmbeddingState = {
    readonly key: string;
    readonly state: string;
    readonly version: number;
    readonly removed: boolean;
};

/** What every storage backend provides for a tenant's embeddings: definitions and states, in the tenant's store. */
export interface EmbeddingStorage {
    /** The stored definition of an embedding, if any. */
    definition(embeddingId: Guid): Promise<EmbeddingDefinition | undefined>;
    /** Stores the definition of an embedding, replacing an earlier one. */
    saveDefinition(definition: EmbeddingDefinition): Promise<void>;
    /** The stored state of one key (removed or not), or undefined when none was ever stored. */
    state(embeddingId: Guid, key: string): Promise<EmbeddingState | undefined>;
    /** Every stored state of an embedding, removed ones included, in key order. */
    states(embeddingId: Guid): Promise<ReadonlyArray<EmbeddingState>>;
    /** The stored states of the keys whose event source ids are given, removed ones included. */
    statesOfEventSources(embeddingId: Guid, eventSourceIds: ReadonlyArray<Guid>): Promise<ReadonlyArray<EmbeddingState>>;
    /**
     * Stores a key's state, version and removal in one write; the version only moves forward, so a writer that
     * read an older version never overwrites a newer state (it returns false and stores nothing).
     */
    save(embeddingId: Guid, eventSourceId: Guid, state: EmbeddingState): Promise<boolean>;
}
