import { defineLogMessages } from '../logging/index.js';

/** The reverse-call engine's log messages (category `runtime.reverseCalls`). */
export const reverseCallLogMessages = defineLogMessages({
    opened: { level: 'debug', message: 'Reverse call opened; waiting for the connect arguments' },
    connected: { level: 'debug', message: 'Reverse call connect arguments received; pinging the client' },
    pingIntervalClamped: { level: 'debug', message: 'The requested ping interval is outside the allowed bounds; using the nearest bound' },
    refused: { level: 'warn', message: 'Reverse call refused: the connect arguments were not received or are malformed' },
    accepted: { level: 'debug', message: 'Reverse call accepted' },
    rejected: { level: 'debug', message: 'Reverse call rejected; the call ended with the failure in its status' },
    pingSkipped: { level: 'debug', message: 'Skipped a ping: the previous one is still waiting to be sent' },
    keepaliveExpired: { level: 'warn', message: 'Reverse call dropped: the client sent nothing for three ping intervals' },
    clientDisconnected: { level: 'debug', message: 'Reverse call ended by the client' },
    closed: { level: 'debug', message: 'Reverse call closed by the Runtime' },
    streamFailed: { level: 'warn', message: 'Reverse call stream failed' },
    callSent: { level: 'trace', message: 'Sent a request to the client' },
    callTimedOut: { level: 'warn', message: 'The client did not answer a request within the request timeout; the request counts as failed' },
    responseWithoutCallContext: { level: 'warn', message: 'Ignored a response without a call context' },
    responseWithMalformedCallId: { level: 'warn', message: 'Ignored a response whose call id is malformed' },
    responseForUnknownCall: { level: 'debug', message: 'Ignored a response for a call that is not pending (answered, aborted or never made)' },
    servingFailed: { level: 'error', message: 'Serving a reverse call failed unexpectedly' },
    serverKeepaliveExpired: { level: 'warn', message: 'Reverse call to another Runtime dropped: the server sent nothing for three ping intervals' },
    requestWithoutCallContext: { level: 'warn', message: 'Ignored a request from the server without a call context' },
    requestHandlingFailed: { level: 'warn', message: 'Handling a request from the server failed; ending the reverse call' },
    unexpectedConnectArguments: { level: 'warn', message: 'Ignored connect arguments sent after the first message' },
});
