/** Thrown into a call when the client did not answer it within the connection's request timeout. */
export class ReverseCallRequestTimedOut extends Error {
    /** Creates the error for the connection, the call and the timeout that passed. */
    constructor(readonly connectionId: string, readonly callId: string, readonly timeoutMilliseconds: number) {
        super(`The client of reverse call connection ${connectionId} did not answer call ${callId} within ${timeoutMilliseconds} ms`);
        this.name = 'ReverseCallRequestTimedOut';
    }
}
