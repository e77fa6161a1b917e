import { durationToMilliseconds, type dolittle } from '@dolittle-typescript/protocol';
import type { ProcessingOutcome } from './EventProcessor.js';

/** The retry timeout when a head asks to retry without saying when. */
const defaultRetryTimeout = 5_000;

/** The outcome of a head's ProcessorFailure: its reason, and the retry it asks for (5 s when it names no timeout). */
export function failedOutcome(failure: dolittle.runtime.events.processing.ProcessorFailure.$Properties): Extract<ProcessingOutcome, { succeeded: false }> {
    return {
        succeeded: false,
        reason: failure.reason || 'The head reported a failure without a reason',
        retry: failure.retry ?? false,
        retryTimeout: durationToMilliseconds(failure.retryTimeout) ?? defaultRetryTimeout,
    };
}

/**
 * The outcome of a request the head did not answer within the request timeout: a failed attempt, retried after the
 * default retry timeout (5 s) with its retry state, as if the head had asked for a retry.
 */
export function unansweredOutcome(timeoutMilliseconds: number): Extract<ProcessingOutcome, { succeeded: false }> {
    return {
        succeeded: false,
        reason: `The head did not answer the processing request within ${timeoutMilliseconds} ms`,
        retry: true,
        retryTimeout: defaultRetryTimeout,
    };
}
