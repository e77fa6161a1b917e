import { defineLogMessages } from '../logging/index.js';

/** The Event Horizon's log messages (categories `eventHorizon.producer` and `eventHorizon.consumer`). */
export const eventHorizonLogMessages = defineLogMessages({
    consumerRefused: { level: 'info', message: 'Refused a consumer Runtime\'s subscription' },
    consumerAccepted: { level: 'info', message: 'A consumer Runtime subscribed to a public stream partition; streaming from its position' },
    consumerAnsweredFailure: { level: 'warn', message: 'The consumer Runtime answered an event with a failure; ending the subscription' },
    consumerGone: { level: 'info', message: 'A consumer Runtime\'s subscription ended' },
    streamingFailed: { level: 'error', message: 'Streaming a public stream partition to a consumer failed unexpectedly' },
    subscriptionRequested: { level: 'info', message: 'A head asked for an Event Horizon subscription' },
    subscriptionRefused: { level: 'warn', message: 'Refused an Event Horizon subscription request' },
    connecting: { level: 'debug', message: 'Connecting to the producer Runtime' },
    connected: { level: 'info', message: 'Subscribed to the producer Runtime; receiving events' },
    producerRefused: { level: 'warn', message: 'The producer Runtime refused the subscription; trying again after the back-off' },
    connectionFailed: { level: 'warn', message: 'The connection to the producer Runtime failed or ended; trying again after the back-off' },
    received: { level: 'trace', message: 'Wrote received events to the scope\'s event log and moved the subscription' },
    receiveFailed: { level: 'warn', message: 'Writing received events failed; nothing of the batch was stored, the subscription reconnects from its stored position' },
});
