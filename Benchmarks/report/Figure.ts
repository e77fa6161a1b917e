/** A goal a figure is held against, and whether the run met it. */
export type Goal = { readonly description: string; readonly met: boolean };

/** One measured figure of a scenario, printed beside its baseline with the ratio between them. */
export type Figure = {
    readonly backend: string;
    readonly scenario: string;
    /** The figure with its unit, e.g. "12,345 events/s". */
    readonly measured: string;
    /** Latency percentiles, e.g. "p50 1.2 / p99 4.5 ms" ('' when the scenario has none). */
    readonly latency: string;
    /** The baseline with its unit and how it was measured. */
    readonly baseline: string;
    /** measured ÷ baseline, e.g. "1.43×". */
    readonly ratio: string;
    /** The gRPC-only ceiling for the same calls and measured ÷ ceiling, e.g. "3,100 events/s → 0.61×" ('' when none). */
    readonly ceiling?: string;
    readonly goals: ReadonlyArray<Goal>;
    /** Where the CPU went while measuring, e.g. "runtime 97%, machine 190%". */
    readonly cpu: string;
};
