import { defineLogMessages } from '../logging/index.js';

/** The stream processors' log messages. */
export const streamProcessorLogMessages = defineLogMessages({
    started: { level: 'debug', message: 'Stream processor started' },
    stopped: { level: 'debug', message: 'Stream processor stopped' },
    processed: { level: 'trace', message: 'Processed an event' },
    processingFailed: { level: 'warn', message: 'Processing an event failed; the processor waits at this event and retries it at the retry time' },
    partitionFailed: { level: 'warn', message: 'Processing an event failed; its partition waits at this event and retries it at the retry time, while the other partitions go on' },
    partitionRecovered: { level: 'info', message: 'A failing partition processed its waiting events and flows again' },
    recovered: { level: 'info', message: 'The failing event was processed; the processor goes on' },
    storeUnavailable: { level: 'warn', message: "The tenant's event store is unavailable; the processor stays at its position and tries again every second until it returns" },
    storeAvailable: { level: 'info', message: "The tenant's event store is available again; the processor goes on" },
    failed: { level: 'error', message: 'Reading the stream, asking the head or writing the position failed; trying again shortly' },
});
