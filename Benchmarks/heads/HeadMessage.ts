/** What the benchmark head is told when it starts. */
export type HeadArguments = {
    /** The Runtime's (or the ping-pong server's) private endpoint, `host:port`. */
    readonly address: string;
    readonly eventHandlerId: string;
    readonly eventTypeId: string;
    /** `each`: report every handled event; `count`: report progress and the end once `expected` events were handled. */
    readonly report: 'each' | 'count';
    readonly expected: number;
};

/** What the benchmark head reports over IPC. Times are preciseNow() values of the head's process. */
export type HeadMessage =
    | { readonly kind: 'connecting'; readonly at: number }
    | { readonly kind: 'registered'; readonly at: number }
    | { readonly kind: 'refused'; readonly reason: string }
    | { readonly kind: 'handled'; readonly at: number; readonly sequenceNumber: number }
    | { readonly kind: 'progress'; readonly handled: number; readonly at: number }
    | { readonly kind: 'done'; readonly handled: number; readonly first: number; readonly last: number }
    | { readonly kind: 'ended'; readonly reason: string };
