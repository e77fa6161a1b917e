import type { Guid } from '../guids/index.js';

/** What a head asks for when it registers an event handler. */
export type EventHandlerRegistration = {
    readonly scope: Guid;
    readonly eventHandlerId: Guid;
    /** The handled event type ids (generations are ignored, as in the original Runtime). */
    readonly types: ReadonlyArray<Guid>;
    readonly partitioned: boolean;
};

/**
 * The most event types one event handler may handle: 1,000. The type filter asks the store for the events of all
 * of a handler's types in one query, and the embedded store allows at most 32,766 values in a statement; far below
 * that, 1,000 leaves room and is more than a handler needs (one that handles more is better split). Both backends
 * refuse a registration above it in the same way.
 */
export const maximumEventTypesPerEventHandler = 1_000;

/** Says why the registration handles too many event types, or undefined when it is within the limit. */
export function tooManyEventTypes(registration: EventHandlerRegistration): string | undefined {
    const count = registration.types.length;
    return count > maximumEventTypesPerEventHandler
        ? `it handles ${count} event types, but an event handler may handle at most ${maximumEventTypesPerEventHandler}; split it into several event handlers`
        : undefined;
}

/** Names at most a few of many event types, for a log line or a failure reason of bounded length. */
export function someEventTypes(types: ReadonlyArray<Guid>, shown = 10): string {
    return types.length <= shown ? types.join(', ') : `${types.slice(0, shown).join(', ')} and ${types.length - shown} more`;
}
