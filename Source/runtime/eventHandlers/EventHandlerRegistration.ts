import type { Guid } from '../guids/index.js';

/** What a head asks for when it registers an event handler. */
export type EventHandlerRegistration = {
    readonly scope: Guid;
    readonly eventHandlerId: Guid;
    /** The handled event type ids (generations are ignored, as in the original Runtime). */
    readonly types: ReadonlyArray<Guid>;
    readonly partitioned: boolean;
};
