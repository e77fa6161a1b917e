import { defineLogMessages } from '../logging/index.js';

/** The management API's log messages: every change names who asked (the call's peer). */
export const managementLogMessages = defineLogMessages({
    changed: { level: 'info', message: 'A processor was changed through the management API' },
    refused: { level: 'info', message: 'A management request was refused' },
    unexpected: { level: 'error', message: 'A management request failed unexpectedly' },
});
