import { defineLogMessages } from '../logging/index.js';

/** The embeddings' log messages. */
export const embeddingLogMessages = defineLogMessages({
    registered: { level: 'info', message: 'Embedding registered; its processors run for every tenant' },
    registrationRefused: { level: 'warn', message: 'Embedding registration refused' },
    disconnected: { level: 'info', message: 'Embedding disconnected; its processors stopped and its id is free again' },
    failedUnexpectedly: { level: 'error', message: 'Embedding connection failed unexpectedly' },
    updated: { level: 'debug', message: 'Embedding key updated: its events were committed in one aggregate commit and its state stored' },
    deleted: { level: 'debug', message: 'Embedding key deleted: its events were committed in one aggregate commit and the key marked removed' },
    changeRefused: { level: 'warn', message: 'Embedding update or delete failed' },
    refreshed: { level: 'debug', message: 'Embedding key refreshed from aggregate events committed elsewhere' },
    refreshFailed: { level: 'warn', message: 'Refreshing an embedding key from aggregate events committed elsewhere failed; trying again shortly' },
    unexpected: { level: 'error', message: 'Embedding call failed unexpectedly' },
    readRejected: { level: 'warn', message: 'Embedding call refused' },
});
