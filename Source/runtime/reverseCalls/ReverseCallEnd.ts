/** Why a reverse call ended. */
export type ReverseCallEndReason =
    /** The client cancelled the call, closed its side, or the connection was lost. */
    | 'clientDisconnected'
    /** The client sent nothing (no pong, no response) for three ping intervals. */
    | 'keepaliveExpired'
    /** The connect arguments were missing or malformed; the call ended with a failure status. */
    | 'refused'
    /** The feature rejected the connect arguments; the call ended with its failure status. */
    | 'rejected'
    /** The Runtime closed the call (shutdown or a processing error). */
    | 'closed'
    /** The stream failed. */
    | 'failed';

/** How and why a reverse call ended. */
export type ReverseCallEnd = {
    readonly reason: ReverseCallEndReason;
    /** What happened, for logs and error messages. */
    readonly detail: string;
};
