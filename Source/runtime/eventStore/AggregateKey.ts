import type { Guid } from '../guids/index.js';

/** Identifies one aggregate: an event source as seen by one aggregate root type. */
export type AggregateKey = {
    readonly eventSourceId: Guid;
    readonly aggregateRootId: Guid;
};

/** A text key for an aggregate, for maps. */
export function aggregateKeyText(key: AggregateKey): string {
    return `${key.eventSourceId}/${key.aggregateRootId}`;
}

/** The move of one aggregate from the version a commit expected to its new version. */
export type AggregateVersionChange = AggregateKey & {
    readonly expectedVersion: number;
    readonly newVersion: number;
};
