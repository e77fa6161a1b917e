/** Thrown when a call is made on a reverse-call connection that has not been accepted yet. */
export class ReverseCallIsNotAccepted extends Error {
    /** Creates the error for the connection. */
    constructor(readonly connectionId: string) {
        super(`The reverse call connection ${connectionId} has not been accepted; call accept() before making calls`);
        this.name = 'ReverseCallIsNotAccepted';
    }
}
