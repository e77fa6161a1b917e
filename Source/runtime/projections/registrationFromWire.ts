import type { dolittle } from '@dolittle-typescript/protocol';
import { RequestIsMalformed, guidFromWire } from '../wire/index.js';
import type { EventSelector, KeySelector, ProjectionDefinition } from './ProjectionDefinition.js';

/**
 * Reads a head's projection registration; a malformed id or a selector without a key selector names its field.
 * A type listed twice is kept twice here, for the registration to refuse with its documented reason.
 */
export function registrationFromWire(request: dolittle.runtime.events.processing.ProjectionRegistrationRequest.$Properties): ProjectionDefinition {
    const selectors = (request.events ?? []).map((selector, index): EventSelector => ({
        eventType: guidFromWire(selector.eventType?.id, `events[${index}].eventType.id`),
        keySelector: keySelectorFromWire(selector, `events[${index}]`),
    }));
    return {
        scope: guidFromWire(request.scopeId, 'scopeId'),
        projectionId: guidFromWire(request.projectionId, 'projectionId'),
        selectors,
        initialState: request.initialState ?? '',
    };
}

function keySelectorFromWire(selector: dolittle.runtime.events.processing.ProjectionEventSelector.$Properties, field: string): KeySelector {
    if (selector.eventSourceKeySelector !== null && selector.eventSourceKeySelector !== undefined) {
        return { kind: 'eventSourceId' };
    }
    if (selector.partitionKeySelector !== null && selector.partitionKeySelector !== undefined) {
        return { kind: 'partitionId' };
    }
    const propertyName = selector.eventPropertyKeySelector?.propertyName;
    if (propertyName !== null && propertyName !== undefined) {
        if (propertyName === '') {
            throw new RequestIsMalformed(`${field}.eventPropertyKeySelector.propertyName`, 'it is empty; name the top-level property that keys the read model');
        }
        return { kind: 'property', propertyName };
    }
    throw new RequestIsMalformed(field, 'it has no key selector; set eventSourceKeySelector, partitionKeySelector or eventPropertyKeySelector');
}
