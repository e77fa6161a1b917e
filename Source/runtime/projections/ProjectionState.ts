import type { FailingPartition } from '../streams/index.js';

/** A read-model key whose events wait at a failed one while the other keys flow on. */
export type FailingKey = FailingPartition;

/**
 * Where a projection's processor is in its scope's event log for one tenant. Only the events of one key must stay
 * in order, so a key whose event failed waits at that event (its later events too), and the other keys go on: the
 * position is where the keys that are not failing continue.
 */
export type ProjectionState = {
    /** The next event log position to project for the keys that are not failing. */
    readonly position: number;
    /** When an event was last projected successfully, in milliseconds since the epoch (0 when never). */
    readonly lastSuccessfullyProcessed: number;
    /** The failing keys, by read-model key. */
    readonly failingKeys: ReadonlyMap<string, FailingKey>;
};

/** The state of a projection that has projected nothing: at the start of the event log, no key failing. */
export const initialProjectionState: ProjectionState = Object.freeze({ position: 0, lastSuccessfullyProcessed: 0, failingKeys: new Map<string, FailingKey>() });
