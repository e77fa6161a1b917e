import type { Guid } from '../guids/index.js';

/** How a projection finds the key of the read model an event changes (reference 6.1). */
export type KeySelector =
    | { readonly kind: 'eventSourceId' }
    | { readonly kind: 'partitionId' }
    /** A top-level property of the event's content. */
    | { readonly kind: 'property'; readonly propertyName: string };

/** Which event type changes the projection's read models, and the key of the one it changes. */
export type EventSelector = {
    readonly eventType: Guid;
    readonly keySelector: KeySelector;
};

/** What a head registers as a projection: its scope, its event selectors and its read models' initial state. */
export type ProjectionDefinition = {
    readonly scope: Guid;
    readonly projectionId: Guid;
    /** The event selectors, one per event type (a type listed twice is refused at registration). */
    readonly selectors: ReadonlyArray<EventSelector>;
    /** The read model of a key no event has changed yet: a JSON text, kept exactly as the head sent it. */
    readonly initialState: string;
};

/**
 * Says how a stored definition differs from a registered one, or undefined when it does not: a different initial
 * state (compared as text), a different number of selectors, a new event type, or a changed key selector. Any
 * difference makes the projection replay from the start for that tenant (reference 6.1, step 3).
 */
export function definitionChange(stored: ProjectionDefinition, registered: ProjectionDefinition): string | undefined {
    if (stored.initialState !== registered.initialState) {
        return 'the initial state changed';
    }
    if (stored.selectors.length !== registered.selectors.length) {
        return `the number of event selectors changed from ${stored.selectors.length} to ${registered.selectors.length}`;
    }
    const before = new Map(stored.selectors.map((selector) => [selector.eventType, selector.keySelector]));
    for (const selector of registered.selectors) {
        const keySelector = before.get(selector.eventType);
        if (keySelector === undefined) {
            return `event type ${selector.eventType} is new`;
        }
        if (keySelectorText(keySelector) !== keySelectorText(selector.keySelector)) {
            return `the key selector of event type ${selector.eventType} changed from ${keySelectorText(keySelector)} to ${keySelectorText(selector.keySelector)}`;
        }
    }
    return undefined;
}

/** A key selector as text, for comparisons, logs and reasons, e.g. `property 'userId'`. */
export function keySelectorText(selector: KeySelector): string {
    return selector.kind === 'property' ? `property '${selector.propertyName}'` : selector.kind === 'eventSourceId' ? 'event source id' : 'partition id';
}
