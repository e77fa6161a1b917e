export { connectReverseCall, defaultPingIntervalBounds, defaultRequestTimeout, type PingIntervalBounds, type ReverseCallOptions } from './connectReverseCall.js';
export type { ReverseCallConnection } from './ReverseCallConnection.js';
export type { ReverseCallEnd, ReverseCallEndReason } from './ReverseCallEnd.js';
export { ReverseCallEnded } from './ReverseCallEnded.js';
export { ReverseCallIsNotAccepted } from './ReverseCallIsNotAccepted.js';
export { ReverseCallLifetimes } from './ReverseCallLifetimes.js';
export { ReverseCallRequestTimedOut } from './ReverseCallRequestTimedOut.js';
export type { ReverseCallProtocol } from './ReverseCallProtocol.js';
export { reverseCallLogMessages } from './logMessages.js';
