import { emptyGuid, type Guid } from '../guids/index.js';
import type { EmbeddingDefinition } from './EmbeddingDefinition.js';

/** Says why an embedding registration is refused before any tenant is asked, or undefined when it is valid. */
export function validateRegistration(definition: EmbeddingDefinition): string | undefined {
    if (definition.embeddingId === emptyGuid) {
        return 'the embedding id is the empty GUID';
    }
    const seen = new Set<Guid>();
    for (const eventType of definition.eventTypes) {
        if (seen.has(eventType)) {
            return `Event ${eventType} was specified more than once`;
        }
        seen.add(eventType);
    }
    try {
        JSON.parse(definition.initialState);
    } catch {
        return `its initial state is not JSON: ${definition.initialState.slice(0, 100)}`;
    }
    return undefined;
}
