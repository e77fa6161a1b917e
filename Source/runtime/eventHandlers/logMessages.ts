import { defineLogMessages } from '../logging/index.js';

/** The event handlers' log messages. */
export const eventHandlerLogMessages = defineLogMessages({
    registered: { level: 'info', message: 'Event handler registered; its processors run for every tenant' },
    registrationRefused: { level: 'warn', message: 'Event handler registration refused' },
    disconnected: { level: 'info', message: 'Event handler disconnected; its processors stopped and its id is free again' },
    failedUnexpectedly: { level: 'error', message: 'Event handler connection failed unexpectedly' },
});
