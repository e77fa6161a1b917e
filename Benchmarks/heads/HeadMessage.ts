/** What the benchmark head is told when it starts. */
export type HeadArguments = {
    /** The Runtime's (or the ping-pong server's) private endpoint, `host:port`. */
    readonly address: string;
    readonly eventHandlerId: string;
    readonly eventTypeId: string;
    /** `each`: report every handled event; `count`: report progress and the end once `expected` events were handled. */
    readonly report: 'each' | 'count';
    readonly expected: number;
    /** Registers a partitioned handler (events of one event source in order, several event sources at once); unpartitioned when absent. */
    readonly partitioned?: boolean;
};

/** What the benchmark head reports over IPC. Times are preciseNow() values of the head's process. */
export type HeadMessage =
    | { readonly kind: 'connecting'; readonly at: number }
    | { readonly kind: 'registered'; readonly at: number }
    | { readonly kind: 'refused'; readonly reason: string }
    | { readonly kind: 'handled'; readonly at: number; readonly sequenceNumber: number }
    | { readonly kind: 'progress'; readonly handled: number; readonly at: number }
    | {
          readonly kind: 'done';
          readonly handled: number;
          readonly first: number;
          readonly last: number;
          /** Requests for an event already handed over. */
          readonly repeated?: number;
          /** Requests whose event came before the last one handed over in its partition (all one partition when unpartitioned). */
          readonly outOfOrder?: number;
      }
    | { readonly kind: 'ended'; readonly reason: string };
