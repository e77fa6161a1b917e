import { defineLogMessages } from '../logging/index.js';

/** The health feature's log messages: a tenant's store becoming unreachable and reachable again. */
export const healthLogMessages = defineLogMessages({
    storeUnreachable: {
        level: 'warn',
        message: "A tenant's event store cannot be reached: the Runtime reports not ready and commits answer EventStoreUnavailable until it can",
    },
    storeReachable: { level: 'info', message: "A tenant's event store can be reached again: the Runtime reports ready" },
    probeFailed: { level: 'debug', message: "Probing a tenant's event store failed" },
});
