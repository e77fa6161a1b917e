// `npm run bench`: measures the Runtime on every backend and prints each figure beside its baseline, then one table.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend, BackendName } from './backends/Backend.js';
import { embeddedBackend } from './backends/embeddedBackend.js';
import { postgresBackend } from './backends/postgresBackend.js';
import { readBenchmarkOptions, type BenchmarkOptions } from './BenchmarkOptions.js';
import { EventStoreConnection } from './eventStore/EventStoreConnection.js';
import { CpuUse, type CpuSource } from './measurement/CpuUse.js';
import { machineBusyMilliseconds } from './measurement/machineBusyMilliseconds.js';
import { processCpuMilliseconds } from './measurement/processCpuMilliseconds.js';
import type { Figure } from './report/Figure.js';
import { printTable } from './report/printTable.js';
import { BenchmarkRuntime } from './runtime/BenchmarkRuntime.js';
import { catchUp, partitionedCatchUp } from './scenarios/catchUp.js';
import { healthDuringBigCommits } from './scenarios/healthDuringBigCommits.js';
import { commitThroughput } from './scenarios/commitThroughput.js';
import { commitToHandlerLatency } from './scenarios/commitToHandlerLatency.js';
import type { PingPongCeiling } from './scenarios/PingPongCeiling.js';
import { measurePingPongCeiling } from './scenarios/measurePingPongCeiling.js';
import { measureUnaryCeilings } from './scenarios/measureUnaryCeilings.js';
import { eventHorizon } from './scenarios/eventHorizon.js';
import { aggregateCache } from './scenarios/aggregateCache.js';
import { scale } from './scenarios/scale.js';
import { projectionReplay } from './scenarios/projectionReplay.js';
import { sdks } from './scenarios/sdks.js';
import type { UnaryCeilings } from './scenarios/UnaryCeilings.js';

const machine: CpuSource = ['machine', machineBusyMilliseconds];
const benchmark: CpuSource = ['benchmark', () => processCpuMilliseconds(process.pid)];

async function runBackend(name: BackendName, options: BenchmarkOptions, ceiling: PingPongCeiling | undefined, unaryCeilings: UnaryCeilings | undefined): Promise<ReadonlyArray<Figure>> {
    const folder = await mkdtemp(join(tmpdir(), `dolittle-bench-${name}-`));
    const dataFolder = join(folder, 'data');
    await mkdir(dataFolder, { recursive: true });
    let backend: Backend | undefined;
    let runtime: BenchmarkRuntime | undefined;
    let eventStore: EventStoreConnection | undefined;
    try {
        backend = name === 'embedded' ? embeddedBackend(dataFolder) : await postgresBackend(options.postgresServer);
        runtime = await BenchmarkRuntime.start({
            folder,
            storeArguments: backend.storeArguments,
            profileFolder: options.profileFolder,
            logLevels: options.runtimeLogLevels,
            main: options.runtimeMain,
            outputFile: options.runtimeOutputFolder === undefined ? undefined : join(options.runtimeOutputFolder, `runtime-${name}.log`),
        });
        eventStore = new EventStoreConnection(runtime.address);
        const pid = runtime.pid;
        const context = {
            backend,
            runtime,
            eventStore,
            sizes: options.sizes,
            cpuSources: [['runtime', () => processCpuMilliseconds(pid)], benchmark, machine] as const,
        };
        const figures: Figure[] = [];
        if (options.scenarios.includes('commits')) {
            figures.push(...(await commitThroughput(context, unaryCeilings)));
        }
        if (options.scenarios.includes('latency')) {
            figures.push(...(await commitToHandlerLatency(context)));
        }
        if (options.scenarios.includes('catch-up') && ceiling !== undefined) {
            figures.push(...(await catchUp(context, ceiling)));
        }
        if (options.scenarios.includes('partitioned-catch-up') && ceiling !== undefined) {
            figures.push(...(await partitionedCatchUp(context, ceiling)));
        }
        if (options.scenarios.includes('big-commits')) {
            figures.push(await healthDuringBigCommits(context));
        }
        if (options.scenarios.includes('projection-replay') && ceiling !== undefined) {
            figures.push(...(await projectionReplay(context, ceiling)));
        }
        if (options.scenarios.includes('event-horizon')) {
            figures.push(...(await eventHorizon(context)));
        }
        if (options.scenarios.includes('aggregate-cache')) {
            figures.push(...(await aggregateCache(context, options.sizes.cachedAggregates)));
        }
        if (options.scenarios.includes('scale')) {
            const restart = () => BenchmarkRuntime.start({ folder, storeArguments: context.backend.storeArguments, profileFolder: options.profileFolder, main: options.runtimeMain });
            figures.push(...(await scale(context, restart, options.quick ? 100_000 : 1_000_000)));
        }
        if (options.scenarios.includes('sdks')) {
            figures.push(...(await sdks(context)));
        }
        return figures;
    } catch (error) {
        if (runtime !== undefined) {
            process.stderr.write(`The Runtime's last output:\n${runtime.output()}\n`);
        }
        throw error;
    } finally {
        eventStore?.close();
        await runtime?.stop();
        await backend?.dispose();
        await rm(folder, { recursive: true, force: true });
    }
}

/** How busy the machine is while this process waits a second: the load of everything else. */
async function backgroundLoad(): Promise<string> {
    const cpu = new CpuUse([machine]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return `${cpu.describe()} of one core, ${cpus().length} cores`;
}

if (process.argv.includes('--peers')) {
    const { runPeers } = await import('./peers/runPeers.js');
    process.exit(await runPeers(process.argv.slice(2)));
}
const options = readBenchmarkOptions(process.argv.slice(2), process.env);
const started = Date.now();
process.stdout.write(`Dolittle Runtime benchmarks (${options.quick ? 'quick' : 'full'}; backends: ${options.backends.join(', ')}; scenarios: ${options.scenarios.join(', ')}; node ${process.version})\n`);
if (options.runtimeMain !== undefined) {
    process.stdout.write(`Runtime under test: ${options.runtimeMain}\n`);
}
process.stdout.write(`Background load before starting: ${await backgroundLoad()} (other processes on this machine skew every figure)\n\n`);
const figures: Figure[] = [];
let ceiling: PingPongCeiling | undefined;
let unaryCeilings: UnaryCeilings | undefined;
if (options.scenarios.includes('commits')) {
    const measured = await measureUnaryCeilings(options.sizes, [benchmark, machine]);
    unaryCeilings = measured.ceilings;
    figures.push(...measured.figures);
}
if (options.scenarios.includes('catch-up') || options.scenarios.includes('partitioned-catch-up') || options.scenarios.includes('projection-replay')) {
    const measured = await measurePingPongCeiling(options.sizes.pingPongRoundTrips, machine);
    ceiling = measured.ceiling;
    figures.push(measured.figure);
}
for (const backend of options.backends) {
    process.stdout.write(`\n== ${backend} ==\n`);
    figures.push(...(await runBackend(backend, options, ceiling, unaryCeilings)));
}
printTable(figures);
const missed = figures.flatMap((figure) => figure.goals.filter((goal) => !goal.met).map((goal) => `[${figure.backend}] ${figure.scenario}: ${goal.description}`));
process.stdout.write(`\n${missed.length === 0 ? 'Every goal was met.' : `Goals missed:\n${missed.map((line) => `  - ${line}`).join('\n')}`}\n`);
process.stdout.write(`Done in ${Math.round((Date.now() - started) / 1_000)} s.${options.profileFolder === undefined ? '' : ` Runtime CPU profiles are in ${options.profileFolder}.`}\n`);
