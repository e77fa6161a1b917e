import type { Guid } from '../guids/index.js';
import type { EventSelector, KeySelector } from './ProjectionDefinition.js';

/** An event selector as it is stored (the MongoDB layout's names, reference 10.2). */
type StoredSelector = { readonly EventType: string; readonly EventKeySelectorType: 'EventSourceId' | 'PartitionId' | 'Property'; readonly EventKeySelectorExpression: string };

/** Thrown when a stored projection definition cannot be read back: the store was edited by hand or is damaged. */
export class StoredProjectionDefinitionIsMalformed extends Error {
    /** Creates the error naming the projection and what was found. */
    constructor(projectionId: string, found: string) {
        super(`The stored definition of projection ${projectionId} has event selectors that cannot be read: ${found.slice(0, 200)}`);
        this.name = 'StoredProjectionDefinitionIsMalformed';
    }
}

/** The event selectors as stored JSON text. */
export function selectorsToStored(selectors: ReadonlyArray<EventSelector>): string {
    return JSON.stringify(
        selectors.map((selector): StoredSelector => ({
            EventType: selector.eventType,
            EventKeySelectorType: selector.keySelector.kind === 'eventSourceId' ? 'EventSourceId' : selector.keySelector.kind === 'partitionId' ? 'PartitionId' : 'Property',
            EventKeySelectorExpression: selector.keySelector.kind === 'property' ? selector.keySelector.propertyName : '',
        })),
    );
}

/** The event selectors read back from their stored JSON (text, or already parsed by the driver). */
export function selectorsFromStored(projectionId: string, stored: unknown): ReadonlyArray<EventSelector> {
    const parsed: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
    if (!Array.isArray(parsed)) {
        throw new StoredProjectionDefinitionIsMalformed(projectionId, JSON.stringify(stored));
    }
    return parsed.map((item: unknown) => {
        const selector = item as Partial<StoredSelector>;
        const keySelector: KeySelector | undefined =
            selector.EventKeySelectorType === 'EventSourceId'
                ? { kind: 'eventSourceId' }
                : selector.EventKeySelectorType === 'PartitionId'
                  ? { kind: 'partitionId' }
                  : selector.EventKeySelectorType === 'Property' && typeof selector.EventKeySelectorExpression === 'string'
                    ? { kind: 'property', propertyName: selector.EventKeySelectorExpression }
                    : undefined;
        if (keySelector === undefined || typeof selector.EventType !== 'string') {
            throw new StoredProjectionDefinitionIsMalformed(projectionId, JSON.stringify(item));
        }
        return { eventType: selector.EventType as Guid, keySelector };
    });
}
