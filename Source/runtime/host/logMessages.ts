import { defineLogMessages } from '../logging/index.js';

/** The host's log messages: start-up, readiness and shutdown. */
export const hostLogMessages = defineLogMessages({
    starting: { level: 'info', message: 'Starting the Runtime' },
    tenantStoreOpened: { level: 'info', message: 'Tenant event store opened' },
    configurationWarning: { level: 'warn', message: 'Configuration warning' },
    listening: { level: 'info', message: 'Listening' },
    ready: { level: 'info', message: 'The Runtime is ready' },
    signalled: { level: 'info', message: 'Signal received; stopping' },
    signalledAgain: { level: 'warn', message: 'Second signal received; exiting at once' },
    shutdownTimedOut: { level: 'error', message: 'The shutdown took longer than --shutdown-timeout; exiting at once' },
    stopping: { level: 'info', message: 'Stopping the Runtime' },
    stopped: { level: 'info', message: 'The Runtime stopped' },
    callsCancelled: { level: 'warn', message: 'Calls still open after the drain time were cancelled' },
    startFailed: { level: 'error', message: 'The Runtime could not start' },
});
