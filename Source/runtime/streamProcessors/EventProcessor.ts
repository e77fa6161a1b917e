import type { FilteredEvent, StreamEvent } from '../streams/index.js';

/** What a processor is told when it is asked again about an event that failed before. */
export type RetryState = {
    /** Why the last attempt failed. */
    readonly reason: string;
    /** How many attempts at this event have failed so far (1 on the first retry). */
    readonly attempts: number;
};

/** The outcome of processing one event. */
export type ProcessingOutcome =
    | {
          readonly succeeded: true;
          /** For filters: the event to append to the filter's stream, if the filter chose it. */
          readonly output?: FilteredEvent;
      }
    | {
          readonly succeeded: false;
          readonly reason: string;
          /** False when the processor asked never to be retried (the event waits for a new registration). */
          readonly retry: boolean;
          /** How long to wait before the next attempt, in milliseconds. */
          readonly retryTimeout: number;
      };

/** Processes the events of a stream one at a time for one tenant: a head's handler, filter or projection. */
export interface EventProcessor {
    /** Processes one event; rejects only when processing could not happen at all (e.g. the head disconnected). */
    process(event: StreamEvent, retry: RetryState | undefined, signal: AbortSignal): Promise<ProcessingOutcome>;
}
