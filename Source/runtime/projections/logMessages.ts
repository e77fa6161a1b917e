import { defineLogMessages } from '../logging/index.js';

/** The projections' log messages. */
export const projectionLogMessages = defineLogMessages({
    registered: { level: 'info', message: 'Projection registered; its processors run for every tenant' },
    registrationRefused: { level: 'warn', message: 'Projection registration refused' },
    disconnected: { level: 'info', message: 'Projection disconnected; its processors stopped and its id is free again' },
    failedUnexpectedly: { level: 'error', message: 'Projection connection failed unexpectedly' },
    replaying: { level: 'info', message: "Projection definition changed: its read models were deleted and it replays the tenant's event log from the start" },
    started: { level: 'debug', message: 'Projection processor started' },
    stopped: { level: 'debug', message: 'Projection processor stopped' },
    processed: { level: 'trace', message: 'Projected events; read models and position committed together' },
    processingFailed: { level: 'warn', message: 'Projecting an event failed; its key waits at the event until its retry time, the other keys go on' },
    recovered: { level: 'info', message: 'Projection key recovered: the event that failed and the key\'s events after it were projected' },
    storeUnavailable: { level: 'warn', message: "The tenant's store is unavailable; the projection stays at its position and tries again every second until it returns" },
    storeAvailable: { level: 'info', message: "The tenant's store is available again; the projection goes on" },
    storageFailed: { level: 'error', message: 'The projection failed to read events or commit read models; trying again shortly' },
    unexpected: { level: 'error', message: 'Projection store call failed unexpectedly' },
    readRejected: { level: 'warn', message: 'Projection store call refused' },
});
