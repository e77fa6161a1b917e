import { percentile } from './percentile.js';
import { preciseNow } from './preciseNow.js';

/** How long to run before measuring, and how long to measure. */
export type MeasurementWindow = { readonly warmupMilliseconds: number; readonly measureMilliseconds: number };

/** What concurrent workers achieved in the measured window: units (events, rows) per second and per-operation latency. */
export type WorkerMeasurement = {
    readonly unitsPerSecond: number;
    readonly operations: number;
    readonly p50Milliseconds: number;
    readonly p99Milliseconds: number;
};

/**
 * Runs `workers` loops of `operation` (each resolving with the units it did) through a warm-up and a measured
 * window. An operation counts when it completes inside the measured window, so the rate is unbiased at the edges.
 */
export async function measureWorkers(window: MeasurementWindow, workers: number, operation: () => Promise<number>): Promise<WorkerMeasurement> {
    const measureFrom = preciseNow() + window.warmupMilliseconds;
    const measureUntil = measureFrom + window.measureMilliseconds;
    const latencies: number[] = [];
    let units = 0;
    const loop = async () => {
        for (;;) {
            const began = preciseNow();
            if (began >= measureUntil) {
                return;
            }
            const done = await operation();
            const ended = preciseNow();
            if (ended >= measureFrom && ended < measureUntil) {
                units += done;
                latencies.push(ended - began);
            }
        }
    };
    await Promise.all(Array.from({ length: workers }, loop));
    return {
        unitsPerSecond: units / (window.measureMilliseconds / 1_000),
        operations: latencies.length,
        p50Milliseconds: percentile(latencies, 0.5),
        p99Milliseconds: percentile(latencies, 0.99),
    };
}
