import type { Guid } from '../guids/index.js';

/** An event type or aggregate root type: an id and a generation. */
export type Artifact = {
    readonly id: Guid;
    readonly generation: number;
};
