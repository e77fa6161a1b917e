/** What the many-handlers head is told when it starts. */
export type ManyHandlersHeadArguments = {
    /** The Runtime's private endpoint, `host:port`. */
    readonly address: string;
    /** The unpartitioned event handlers it registers, each over a Connect call of its own, and the one event type each handles. */
    readonly handlers: ReadonlyArray<{ readonly eventHandlerId: string; readonly eventTypeId: string }>;
    /** It reports progress each time this many more events were handled, by all its handlers together. */
    readonly progressEvery: number;
};
