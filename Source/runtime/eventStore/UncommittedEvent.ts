import type { Artifact } from '../artifacts/index.js';
import type { Guid } from '../guids/index.js';

/** An event a head asks to commit. */
export type UncommittedEvent = {
    readonly type: Artifact;
    readonly eventSourceId: Guid;
    readonly public: boolean;
    readonly content: string;
};
