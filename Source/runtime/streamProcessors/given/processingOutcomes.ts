import type { Guid } from '../../guids/index.js';
import type { StreamEvent } from '../../streams/index.js';
import type { ProcessingOutcome } from '../EventProcessor.js';

/** The outcomes a scripted head answers with. */
export const processingOutcomes = {
    /** Processed, nothing chosen. */
    succeeded: { succeeded: true } as ProcessingOutcome,
    /** Processed, and (for filters) chosen for the output stream in a partition. */
    chosen: (event: StreamEvent, partition: Guid): ProcessingOutcome => ({ succeeded: true, output: { partition, event: event.event } }),
    /** Failed, to be retried after the timeout in milliseconds. */
    failed: (reason: string, retryTimeout: number): ProcessingOutcome => ({ succeeded: false, reason, retry: true, retryTimeout }),
    /** Failed, and asked never to be retried by this registration. */
    failedForGood: (reason: string): ProcessingOutcome => ({ succeeded: false, reason, retry: false, retryTimeout: 0 }),
};
