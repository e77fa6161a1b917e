import type { Guid } from '../guids/index.js';
import type { StreamKey } from './StreamKey.js';

/** How the events of a stream were chosen: by event types (event handlers) or by a filter in the head. */
export type StreamFilterDefinition =
    | { readonly kind: 'eventTypes'; readonly types: ReadonlyArray<Guid> }
    | { readonly kind: 'remote' };

/** The stored definition of a stream, used to check that a re-registration does not break the stream's rules. */
export type StreamDefinition = StreamKey & {
    readonly partitioned: boolean;
    readonly filter: StreamFilterDefinition;
};
