export type { EventProcessor, ProcessingOutcome, RetryState } from './EventProcessor.js';
export { eventLogSourceFor } from './eventLogSourceFor.js';
export { neverRetry } from './retryTimeFor.js';
export { sleep } from './sleep.js';
export { StreamProcessor, type StreamProcessorOptions } from './StreamProcessor.js';
export type { StreamSource } from './StreamSource.js';
export { streamSourceFor } from './streamSourceFor.js';
export { RegisteredProcessors } from './RegisteredProcessors.js';
