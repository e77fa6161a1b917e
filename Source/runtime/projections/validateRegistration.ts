import { emptyGuid, type Guid } from '../guids/index.js';
import type { ProjectionDefinition } from './ProjectionDefinition.js';

/** Says why a projection registration is refused before any tenant is asked, or undefined when it is valid. */
export function validateRegistration(definition: ProjectionDefinition): string | undefined {
    if (definition.projectionId === emptyGuid) {
        return 'the projection id is the empty GUID';
    }
    const seen = new Set<Guid>();
    for (const [index, selector] of definition.selectors.entries()) {
        if (selector.eventType === emptyGuid) {
            return `events[${index}].eventType.id is the empty GUID (or missing); every event selector names an event type`;
        }
        if (seen.has(selector.eventType)) {
            return `Event ${selector.eventType} was specified more than once`;
        }
        seen.add(selector.eventType);
    }
    try {
        JSON.parse(definition.initialState);
    } catch {
        return `its initial state is not JSON: ${definition.initialState.slice(0, 100)}`;
    }
    return undefined;
}
