import type { Guid } from '../guids/index.js';

/**
 * Identifies a stream in a tenant's event store: the scope it lives in, its id (the id of the filter or
 * event handler that writes it) and whether it is public (public streams live in the default scope only).
 * The event log of a scope is not a stream key: it is read through the EventLogStorage.
 */
export type StreamKey = {
    readonly scope: Guid;
    readonly streamId: Guid;
    readonly public: boolean;
};

/** A text key for a stream, for maps. */
export function streamKeyText(key: StreamKey): string {
    return `${key.scope}/${key.public ? 'public' : 'private'}/${key.streamId}`;
}
