import type { Backend } from '../backends/Backend.js';
import type { BenchmarkSizes } from '../BenchmarkOptions.js';
import type { EventStoreConnection } from '../eventStore/EventStoreConnection.js';
import type { CpuSource } from '../measurement/CpuUse.js';
import type { BenchmarkRuntime } from '../runtime/BenchmarkRuntime.js';

/** What a scenario runs against: one backend's fresh database, the Runtime on it, and a client of its event store. */
export type ScenarioContext = {
    readonly backend: Backend;
    readonly runtime: BenchmarkRuntime;
    readonly eventStore: EventStoreConnection;
    readonly sizes: BenchmarkSizes;
    /** The processes whose CPU use a figure reports (the Runtime, this process, the machine). */
    readonly cpuSources: ReadonlyArray<CpuSource>;
};
