import { isGuid, type Guid } from '../guids/index.js';

/** Thrown when a stored embedding definition's event types cannot be read: the store was edited by hand or is damaged. */
export class StoredEmbeddingDefinitionIsMalformed extends Error {
    /** Creates the error, naming the embedding and what was found. */
    constructor(embeddingId: Guid, found: unknown) {
        super(`The stored definition of embedding ${embeddingId} has event types that are not a list of GUIDs: ${JSON.stringify(found)?.slice(0, 200)}`);
        this.name = 'StoredEmbeddingDefinitionIsMalformed';
    }
}

/** Reads the stored event types of an embedding definition (JSON text or an already parsed jsonb value). */
export function eventTypesFromStored(embeddingId: Guid, stored: unknown): ReadonlyArray<Guid> {
    const value: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
    if (!Array.isArray(value) || !value.every(isGuid)) {
        throw new StoredEmbeddingDefinitionIsMalformed(embeddingId, value);
    }
    return value as Guid[];
}
