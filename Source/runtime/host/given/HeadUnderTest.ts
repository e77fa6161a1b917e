/** A head (an SDK client program) running as a child process, reporting what it does as JSON lines on standard output. */
export type HeadUnderTest = {
    /** Every JSON line the head has written so far, parsed. */
    messages(): ReadonlyArray<Record<string, unknown>>;
    /** Waits until the head has written a message that matches, and returns it. */
    waitForMessage(matches: (message: Record<string, unknown>) => boolean, description: string, timeoutMilliseconds?: number): Promise<Record<string, unknown>>;
    /** Everything the head wrote that was not a JSON line (standard error included), for failure messages. */
    output(): string;
    /** Freezes the head (SIGSTOP): it stops answering pings and requests without closing its connection. */
    pause(): void;
    /** Lets a frozen head go on (SIGCONT). */
    resume(): void;
    /** Sends a signal (SIGKILL unless told) and waits for the head to exit. */
    kill(signal?: NodeJS.Signals): Promise<void>;
};
