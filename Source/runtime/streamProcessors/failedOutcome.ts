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
