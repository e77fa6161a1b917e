import type { dolittle } from '@dolittle-typescript/protocol';
import { guidFromWire } from '../wire/index.js';
import type { EventHandlerRegistration } from './EventHandlerRegistration.js';

/** Reads a head's event handler registration; a malformed id names its field. Duplicate types count once. */
export function registrationFromWire(request: dolittle.runtime.events.processing.EventHandlerRegistrationRequest.$Properties): EventHandlerRegistration {
    const types = (request.types ?? []).map((type, index) => guidFromWire(type.id, `types[${index}].id`));
    return {
        scope: guidFromWire(request.scopeId, 'scopeId'),
        eventHandlerId: guidFromWire(request.eventHandlerId, 'eventHandlerId'),
        types: [...new Set(types)],
        partitioned: request.partitioned ?? false,
    };
}
