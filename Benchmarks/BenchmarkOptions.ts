import type { BackendName } from './backends/Backend.js';
import type { MeasurementWindow } from './measurement/measureWorkers.js';

/** How big each scenario is. */
export type BenchmarkSizes = {
    /** The warm-up and measured window of every commit-throughput and raw-insert figure. */
    readonly window: MeasurementWindow;
    readonly concurrentCommitters: number;
    readonly batchCommitters: number;
    readonly eventsPerBatchCommit: number;
    readonly latencyEvents: number;
    readonly catchUpEvents: number;
    readonly catchUpTimeoutMilliseconds: number;
    readonly pingPongRoundTrips: number;
    /** The backlog the projection-replay scenario projects (spread evenly over 1,000 keys: a multiple of 1,000). */
    readonly projectionReplayEvents: number;
    /** How many ~3 MB commits are sent at once while /healthz is polled. */
    readonly bigCommits: number;
    /** How many distinct aggregates the aggregate-cache scenario fills the Runtime's cache with. */
    readonly cachedAggregates: number;
};

/** The scenarios, by the name --scenario takes. */
export type ScenarioName = 'commits' | 'latency' | 'catch-up' | 'partitioned-catch-up' | 'big-commits' | 'projection-replay' | 'event-horizon' | 'aggregate-cache' | 'sdks' | 'scale';

const scenarioNames: ReadonlyArray<ScenarioName> = ['commits', 'latency', 'catch-up', 'partitioned-catch-up', 'big-commits', 'projection-replay', 'event-horizon', 'aggregate-cache', 'sdks'];
// Slow scenarios, run only when asked for by name.
const onDemandScenarioNames: ReadonlyArray<ScenarioName> = ['scale'];

/** What `npm run bench` was asked to do. */
export type BenchmarkOptions = {
    readonly quick: boolean;
    readonly scenarios: ReadonlyArray<ScenarioName>;
    readonly backends: ReadonlyArray<BackendName>;
    /** The PostgreSQL server (a URL of its maintenance database) the fresh benchmark databases are created on. */
    readonly postgresServer: string;
    /** When given, the Runtime runs with --cpu-prof and writes one profile per backend into this folder. */
    readonly profileFolder: string | undefined;
    /** More log levels for the Runtime (`<category prefix>=<level>`, passed on as --log). */
    readonly runtimeLogLevels: ReadonlyArray<string>;
    /** When given, the Runtime's output is written to `<folder>/runtime-<backend>.log`. */
    readonly runtimeOutputFolder: string | undefined;
    /** Another build of the Runtime to measure (its main.js), e.g. to compare a change with the current build. */
    readonly runtimeMain: string | undefined;
    readonly sizes: BenchmarkSizes;
};

const fullSizes: BenchmarkSizes = {
    window: { warmupMilliseconds: 1_000, measureMilliseconds: 5_000 },
    concurrentCommitters: 32,
    batchCommitters: 4,
    eventsPerBatchCommit: 100,
    latencyEvents: 1_000,
    catchUpEvents: 100_000,
    catchUpTimeoutMilliseconds: 150_000,
    pingPongRoundTrips: 50_000,
    projectionReplayEvents: 100_000,
    bigCommits: 40,
    cachedAggregates: 100_000,
};

const quickSizes: BenchmarkSizes = {
    window: { warmupMilliseconds: 300, measureMilliseconds: 1_500 },
    concurrentCommitters: 32,
    batchCommitters: 4,
    eventsPerBatchCommit: 100,
    latencyEvents: 200,
    catchUpEvents: 10_000,
    catchUpTimeoutMilliseconds: 60_000,
    pingPongRoundTrips: 10_000,
    projectionReplayEvents: 10_000,
    bigCommits: 40,
    cachedAggregates: 20_000,
};

const usage = `Usage: npm run bench -- [--quick] [--backend embedded|postgres] [--postgres <url>] [--profile <folder>]
  --quick             smaller counts and shorter windows (about a minute); also BENCH_QUICK=1
  --backend <name>    only this backend (repeatable); default both
  --scenario <name>   only this scenario: commits, latency, catch-up, partitioned-catch-up, big-commits,
                      projection-replay, event-horizon, aggregate-cache or sdks (repeatable); default
                      all of these; also scale (slow: start-up and memory over 1,000,000 events)
  --postgres <url>    the PostgreSQL server to create the benchmark databases on; also DOLITTLE_BENCH_POSTGRES;
                      default postgres://postgres@127.0.0.1:5432/postgres
  --profile <folder>  run the Runtime with --cpu-prof and keep its profiles in <folder>
  --runtime-log <prefix>=<level>   a log level for the Runtime (repeatable), e.g. runtime.eventStore=trace
  --runtime-output <folder>        write the Runtime's output to <folder>/runtime-<backend>.log
  --runtime-main <file>            measure another build of the Runtime (its main.js) instead of Source/runtime/dist`;

/** Reads the command line and the environment; exits with the usage on anything it does not know. */
export function readBenchmarkOptions(argumentList: ReadonlyArray<string>, environment: NodeJS.ProcessEnv): BenchmarkOptions {
    let quick = environment['BENCH_QUICK'] === '1' || environment['BENCH_QUICK'] === 'true';
    const backends: BackendName[] = [];
    const scenarios: ScenarioName[] = [];
    let postgresServer = environment['DOLITTLE_BENCH_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    let profileFolder: string | undefined;
    const runtimeLogLevels: string[] = [];
    let runtimeOutputFolder: string | undefined;
    let runtimeMain: string | undefined;
    for (let index = 0; index < argumentList.length; index++) {
        const argument = argumentList[index];
        const value = argumentList[index + 1];
        if (argument === '--quick') {
            quick = true;
        } else if (argument === '--backend' && (value === 'embedded' || value === 'postgres')) {
            backends.push(value);
            index++;
        } else if (argument === '--scenario' && [...scenarioNames, ...onDemandScenarioNames].includes(value as ScenarioName)) {
            scenarios.push(value as ScenarioName);
            index++;
        } else if (argument === '--postgres' && value !== undefined) {
            postgresServer = value;
            index++;
        } else if (argument === '--profile' && value !== undefined) {
            profileFolder = value;
            index++;
        } else if (argument === '--runtime-log' && value !== undefined) {
            runtimeLogLevels.push(value);
            index++;
        } else if (argument === '--runtime-main' && value !== undefined) {
            runtimeMain = value;
            index++;
        } else if (argument === '--runtime-output' && value !== undefined) {
            runtimeOutputFolder = value;
            index++;
        } else {
            process.stderr.write(`Unknown or incomplete argument '${argument ?? ''}'.\n${usage}\n`);
            process.exit(2);
        }
    }
    return {
        quick,
        scenarios: scenarios.length === 0 ? scenarioNames : scenarios,
        backends: backends.length === 0 ? ['embedded', 'postgres'] : backends,
        postgresServer,
        profileFolder,
        runtimeLogLevels,
        runtimeOutputFolder,
        runtimeMain,
        sizes: quick ? quickSizes : fullSizes,
    };
}
