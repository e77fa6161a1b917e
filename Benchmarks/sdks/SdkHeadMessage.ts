/** Which SDK a benchmark head runs on. */
export type SdkName = 'ours' | 'sdk17';

/** What an SDK benchmark head is told when it starts. */
export type SdkHeadArguments = {
    readonly sdk: SdkName;
    /** The Runtime's private endpoint, `host:port`. */
    readonly address: string;
    readonly eventTypeId: string;
} & (
    | { readonly mode: 'commits'; readonly committers: number; readonly warmupMilliseconds: number; readonly measureMilliseconds: number }
    | { readonly mode: 'handler'; readonly eventHandlerId: string; readonly report: 'each' | 'count'; readonly expected: number }
);

/** What an SDK benchmark head reports over IPC. Times are preciseNow() values; heap figures are bytes after a full GC. */
export type SdkHeadMessage =
    | { readonly kind: 'connecting'; readonly at: number }
    | { readonly kind: 'committed'; readonly events: number; readonly milliseconds: number; readonly cpuMilliseconds: number; readonly failures: number }
    | { readonly kind: 'handled'; readonly at: number; readonly sequenceNumber: number }
    | { readonly kind: 'progress'; readonly handled: number; readonly at: number }
    | { readonly kind: 'done'; readonly handled: number; readonly last: number; readonly heapAtTenth: number; readonly heapAtEnd: number; readonly cpuMilliseconds: number; readonly outOfOrder: number };
