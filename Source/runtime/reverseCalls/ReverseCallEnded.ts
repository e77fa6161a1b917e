import type { ReverseCallEnd } from './ReverseCallEnd.js';

/** Thrown into a pending or new call when its reverse-call connection has ended. */
export class ReverseCallEnded extends Error {
    /** Creates the error for the connection and the way it ended. */
    constructor(readonly connectionId: string, readonly end: ReverseCallEnd) {
        super(`The reverse call connection ${connectionId} ended (${end.reason}): ${end.detail}`);
        this.name = 'ReverseCallEnded';
    }
}
