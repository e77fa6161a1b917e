/** The exit codes of the dolittle CLI (documented in Documentation/operations.md). */
export const exitCodes = {
    /** The command did what it was asked. */
    succeeded: 0,
    /** The Runtime answered with a failure (an unknown handler, tenant or position, a partition that does not fail). */
    refused: 1,
    /** The command line was wrong: an unknown command or option, or a missing or malformed argument. */
    usage: 2,
    /** The Runtime's management API could not be reached (not running, wrong --runtime, or it did not answer in time). */
    unreachable: 3,
    /** Anything unexpected; the message says what. */
    unexpected: 4,
} as const;
