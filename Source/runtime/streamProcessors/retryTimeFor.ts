import type { ProcessingOutcome } from './EventProcessor.js';

/** The retry time of an event the processor asked never to retry. */
export const neverRetry = Number.MAX_SAFE_INTEGER;

/** When a failed event is tried again: after the timeout the processor asked for, or never. */
export function retryTimeFor(outcome: Extract<ProcessingOutcome, { succeeded: false }>, now: number): number {
    return outcome.retry ? now + Math.max(0, outcome.retryTimeout) : neverRetry;
}
