import { defineLogMessages } from '../logging/index.js';

/** The filters' log messages. */
export const filterLogMessages = defineLogMessages({
    storeUnavailable: { level: 'warn', message: "The tenant's event store is unavailable; filtering stays at its position and tries again every second until it returns" },
    storeAvailable: { level: 'info', message: "The tenant's event store is available again; filtering goes on" },
    storageFailed: { level: 'error', message: 'Filtering failed to read the event log or write the stream; trying again shortly' },
    registered: { level: 'info', message: 'Filter registered' },
    registrationRefused: { level: 'warn', message: 'Filter registration refused' },
    failedUnexpectedly: { level: 'error', message: 'Filter connection failed unexpectedly' },
    disconnected: { level: 'info', message: 'Filter disconnected; its processors stopped' },
});
