import type { MeasurementWindow } from '../measurement/measureWorkers.js';

/** How big each scenario of the peer comparison is. */
export type PeerSizes = {
    /** The warm-up and measured window of every append scenario. */
    readonly window: MeasurementWindow;
    readonly batchWriters: number;
    readonly eventsPerBatch: number;
    readonly streamLength: number;
    readonly catchUpEvents: number;
    /** A consumer that delivers nothing new for this long has stalled: its figure is reported incomplete. */
    readonly stallMilliseconds: number;
    readonly catchUpTimeoutMilliseconds: number;
    /** At most this many single events are timed from append to consumer, within at most `latencyMilliseconds`. */
    readonly latencyEvents: number;
    readonly latencyMilliseconds: number;
};

/** The scenarios, by the key --scenario takes. */
export const peerScenarioKeys = ['sequential', 'concurrent-32', 'concurrent-256', 'batches', 'expected-version', 'read-stream', 'catch-up', 'latency', 'live'] as const;
export type PeerScenarioKey = (typeof peerScenarioKeys)[number];

/** What `npm run bench -- --peers` was asked to do. */
export type PeerOptions = {
    readonly quick: boolean;
    /** Only print the machine and the versions, then stop. */
    readonly describeSystemOnly: boolean;
    readonly scenarios: ReadonlyArray<PeerScenarioKey>;
    /** Only the systems whose name (or "name/backend") contains one of these, case-insensitively; all when empty. */
    readonly systemFilters: ReadonlyArray<string>;
    readonly postgresServer: string;
    readonly jsonFile: string | undefined;
    readonly chartFile: string | undefined;
    readonly sizes: PeerSizes;
};

export const defaultChartFile = 'Documentation/performance-peers.svg';

// The full run stays under 20 minutes on a loaded two-core machine: a consumer that has not caught up after 75 s is
// reported with the rate it reached, marked incomplete.
const fullSizes: PeerSizes = {
    window: { warmupMilliseconds: 1_000, measureMilliseconds: 3_000 },
    batchWriters: 4,
    eventsPerBatch: 100,
    streamLength: 500,
    catchUpEvents: 100_000,
    stallMilliseconds: 10_000,
    catchUpTimeoutMilliseconds: 75_000,
    latencyEvents: 200,
    latencyMilliseconds: 20_000,
};

const quickSizes: PeerSizes = {
    window: { warmupMilliseconds: 200, measureMilliseconds: 800 },
    batchWriters: 4,
    eventsPerBatch: 100,
    streamLength: 500,
    catchUpEvents: 5_000,
    stallMilliseconds: 3_000,
    catchUpTimeoutMilliseconds: 20_000,
    latencyEvents: 30,
    latencyMilliseconds: 3_000,
};

export const peerUsage = `Usage: npm run bench -- --peers [--quick] [--json <file>] [--chart [<file>]] [--system] [--only <system>] [--scenario <key>]
  --quick             smaller counts and shorter windows (under 5 minutes); also BENCH_QUICK=1
  --json <file>       write every figure as JSON: [{system, backend, scenario, value, unit, acknowledged, stored, ...}]
  --chart [<file>]    write an SVG chart of the ratios; default ${defaultChartFile}
  --system            print the machine and the versions of every system, and stop
  --only <text>       only the systems whose name or name/backend contains <text> (repeatable), e.g. emmett, /postgres
  --scenario <key>    only this scenario (repeatable): ${peerScenarioKeys.join(', ')}
  --postgres <url>    the PostgreSQL server for the throw-away databases; also DOLITTLE_BENCH_POSTGRES;
                      default postgres://postgres@127.0.0.1:5432/postgres`;

/** An argument the peer comparison does not know, or one missing its value. */
export class PeerArgumentIsInvalid extends Error {
    constructor(argument: string) {
        super(`Unknown or incomplete argument '${argument}'.\n${peerUsage}`);
    }
}

/** Reads the command line (with or without --peers) and the environment; throws PeerArgumentIsInvalid on anything else. */
export function readPeerOptions(argumentList: ReadonlyArray<string>, environment: NodeJS.ProcessEnv): PeerOptions {
    let quick = environment['BENCH_QUICK'] === '1' || environment['BENCH_QUICK'] === 'true';
    let describeSystemOnly = false;
    const scenarios: PeerScenarioKey[] = [];
    const systemFilters: string[] = [];
    let postgresServer = environment['DOLITTLE_BENCH_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    let jsonFile: string | undefined;
    let chartFile: string | undefined;
    for (let index = 0; index < argumentList.length; index++) {
        const argument = argumentList[index]!;
        const value = argumentList[index + 1];
        const hasValue = value !== undefined && !value.startsWith('--');
        if (argument === '--peers') {
            continue;
        } else if (argument === '--quick') {
            quick = true;
        } else if (argument === '--system') {
            describeSystemOnly = true;
        } else if (argument === '--chart') {
            chartFile = hasValue ? value : defaultChartFile;
            index += hasValue ? 1 : 0;
        } else if (argument === '--json' && hasValue) {
            jsonFile = value;
            index++;
        } else if (argument === '--only' && hasValue) {
            systemFilters.push(value.toLowerCase());
            index++;
        } else if (argument === '--scenario' && hasValue && (peerScenarioKeys as ReadonlyArray<string>).includes(value)) {
            scenarios.push(value as PeerScenarioKey);
            index++;
        } else if (argument === '--postgres' && hasValue) {
            postgresServer = value;
            index++;
        } else {
            throw new PeerArgumentIsInvalid(argument);
        }
    }
    return {
        quick,
        describeSystemOnly,
        scenarios: scenarios.length === 0 ? peerScenarioKeys : scenarios,
        systemFilters,
        postgresServer,
        jsonFile,
        chartFile,
        sizes: quick ? quickSizes : fullSizes,
    };
}

/** Whether a system is chosen by the --only filters. */
export function isSystemChosen(filters: ReadonlyArray<string>, name: string, backend: string): boolean {
    const label = `${name}/${backend}`.toLowerCase();
    return filters.length === 0 || filters.some((filter) => label.includes(filter));
}
