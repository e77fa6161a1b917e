import { emptyGuid } from '../guids/index.js';
import type { StreamEvent } from '../streams/index.js';
import type { KeySelector } from './ProjectionDefinition.js';

/** The key of the read model an event changes, or why the event has none. */
export type KeyOfEvent = { readonly key: string } | { readonly missing: string };

/**
 * The key an event selects with a key selector (reference 6.1): the event source id or the partition id as a
 * lowercase GUID, or the named top-level property of the event's content, a string as it is and any other JSON value
 * as its JSON text. Projections read the event log unpartitioned, so the partition id is always the empty GUID.
 */
export function keyOf(event: StreamEvent, selector: KeySelector): KeyOfEvent {
    if (selector.kind === 'eventSourceId') {
        return { key: event.event.eventSourceId.toLowerCase() };
    }
    if (selector.kind === 'partitionId') {
        return { key: emptyGuid };
    }
    const where = `event ${event.event.sequenceNumber} of type ${event.event.type.id}`;
    let content: unknown;
    try {
        content = JSON.parse(event.event.content);
    } catch {
        return { missing: `The content of ${where} is not JSON, so it has no property '${selector.propertyName}' to key the read model by` };
    }
    if (typeof content !== 'object' || content === null || Array.isArray(content) || !Object.hasOwn(content, selector.propertyName)) {
        return { missing: `The content of ${where} has no top-level property '${selector.propertyName}' to key the read model by` };
    }
    const value: unknown = (content as Record<string, unknown>)[selector.propertyName];
    if (value === null || value === undefined) {
        return { missing: `The property '${selector.propertyName}' of ${where} is null, so it cannot key the read model` };
    }
    return { key: typeof value === 'string' ? value : JSON.stringify(value) };
}
