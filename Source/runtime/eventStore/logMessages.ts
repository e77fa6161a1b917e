import { defineLogMessages } from '../logging/index.js';

/** The event store's log messages. */
export const eventStoreLogMessages = defineLogMessages({
    committed: { level: 'trace', message: 'Committed a batch of events' },
    commitRejected: { level: 'debug', message: 'Commit rejected' },
    changedElsewhere: { level: 'warn', message: 'The event log was changed by another writer; reloading and retrying the batch' },
    unexpected: { level: 'error', message: 'An event store call failed unexpectedly; answered with the Other failure' },
    storageFailed: { level: 'error', message: 'Storing a batch of events failed' },
});
