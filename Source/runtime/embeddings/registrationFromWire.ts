import type { dolittle } from '@dolittle-typescript/protocol';
import { guidFromWire } from '../wire/index.js';
import type { EmbeddingDefinition } from './EmbeddingDefinition.js';

/** Reads a head's embedding registration; a malformed id names its field. A type listed twice is kept, for the registration to refuse. */
export function registrationFromWire(request: dolittle.runtime.embeddings.EmbeddingRegistrationRequest.$Properties): EmbeddingDefinition {
    return {
        embeddingId: guidFromWire(request.embeddingId, 'embeddingId'),
        eventTypes: (request.events ?? []).map((eventType, index) => guidFromWire(eventType.id, `events[${index}].id`)),
        initialState: request.initialState ?? '',
    };
}
