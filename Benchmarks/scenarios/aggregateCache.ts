import { AggregateCommitConnection } from '../eventStore/AggregateCommitConnection.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { CpuUse } from '../measurement/CpuUse.js';
import { measureWorkers, type WorkerMeasurement } from '../measurement/measureWorkers.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { ScenarioContext } from './ScenarioContext.js';

const aggregateRootId = '3c1d6f0e-2b7a-4e59-9d1c-8a4b5e6f7a01';
// The aggregates the measured commits go to: few enough that all stay cached, many enough that committers rarely race.
const workingSet = 1_024;
const committers = 32;
const fillersInFlight = 64;

/** The event source id of the benchmark's n-th aggregate. */
const eventSourceOf = (number: number) => `a99e0000-0000-4000-8000-${number.toString(16).padStart(12, '0')}`;

/**
 * Aggregate commits with the Runtime's aggregate-version cache holding only the working set, then again once other
 * commits have filled it with `cachedAggregates` distinct aggregates in all: a cache whose cost grows with its size
 * (copied, scanned or cleared per batch) shows as a slowdown. Every commit is checked: a conflict or failure fails the run.
 */
export async function aggregateCache(context: ScenarioContext, cachedAggregates: number): Promise<ReadonlyArray<Figure>> {
    const connection = new AggregateCommitConnection(context.runtime.address);
    try {
        const versions = new Array<number>(workingSet).fill(0);
        // A first round warms the Runtime up (compiled code, connections) and caches the working set: not measured.
        await commitToTheWorkingSet(connection, context, versions);
        const cpu = new CpuUse(context.cpuSources);
        const emptyCache = await commitToTheWorkingSet(connection, context, versions);
        const emptyCpu = cpu.describe();
        const started = performance.now();
        await fill(connection, cachedAggregates - workingSet);
        const fillSeconds = (performance.now() - started) / 1_000;
        process.stdout.write(`    (committed for ${(cachedAggregates - workingSet).toLocaleString('en-US')} other aggregates in ${fillSeconds.toFixed(1)} s)\n`);
        cpu.start();
        const fullCache = await commitToTheWorkingSet(connection, context, versions);
        const figures: Figure[] = [
            figure(context.backend.name, `aggregate commits, ${committers} committers, ${workingSet.toLocaleString('en-US')} aggregates cached`, emptyCache, undefined, emptyCpu),
            figure(context.backend.name, `aggregate commits, ${committers} committers, ${cachedAggregates.toLocaleString('en-US')} aggregates cached`, fullCache, emptyCache, cpu.describe()),
        ];
        figures.forEach(printFigure);
        return figures;
    } finally {
        connection.close();
    }
}

function commitToTheWorkingSet(connection: AggregateCommitConnection, context: ScenarioContext, versions: number[]): Promise<WorkerMeasurement> {
    let next = 0;
    return measureWorkers(context.sizes.window, committers, async () => {
        // Each committer takes the next aggregate no other committer holds, so no commit conflicts.
        const number = next;
        next = (next + 1) % workingSet;
        const expectedVersion = versions[number]!;
        versions[number] = expectedVersion + 1;
        await connection.commit({ eventSourceId: eventSourceOf(number), aggregateRootId, expectedVersion, events: 1, eventType: benchmarkIdentifiers.throughputEventType });
        return 1;
    });
}

async function fill(connection: AggregateCommitConnection, aggregates: number): Promise<void> {
    let next = workingSet;
    const last = workingSet + aggregates;
    await Promise.all(
        Array.from({ length: fillersInFlight }, async () => {
            while (next < last) {
                const number = next++;
                await connection.commit({ eventSourceId: eventSourceOf(number), aggregateRootId, expectedVersion: 0, events: 1, eventType: benchmarkIdentifiers.throughputEventType });
            }
        }),
    );
}

function figure(backend: string, scenario: string, measured: WorkerMeasurement, emptyCache: WorkerMeasurement | undefined, cpu: string): Figure {
    return {
        backend,
        scenario,
        measured: formatting.rate(measured.unitsPerSecond, 'events/s'),
        latency: formatting.latency(measured.p50Milliseconds, measured.p99Milliseconds),
        baseline: emptyCache === undefined ? '—' : `${formatting.rate(emptyCache.unitsPerSecond, 'events/s')} (${workingSet.toLocaleString('en-US')} aggregates cached)`,
        ratio: emptyCache === undefined ? '—' : formatting.ratio(measured.unitsPerSecond, emptyCache.unitsPerSecond),
        // Noise on this shared machine moves figures by a few per cent; a per-batch copy of the cache cost far more.
        goals: emptyCache === undefined ? [] : [{ description: 'no slowdown (≥ 0.9× the small cache)', met: measured.unitsPerSecond >= 0.9 * emptyCache.unitsPerSecond }],
        cpu,
    };
}
