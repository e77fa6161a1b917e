import type { WorkerMeasurement } from '../measurement/measureWorkers.js';

/** What bare grpc-js unary Commit calls (no Runtime, no storage) reach on this machine, per commit shape. */
export type UnaryCeilings = {
    readonly sequential: WorkerMeasurement;
    readonly concurrent: WorkerMeasurement;
    readonly batched: WorkerMeasurement;
};
