import type { RawInsertRate } from '../backends/Backend.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { CpuUse } from '../measurement/CpuUse.js';
import { measureWorkers, type WorkerMeasurement } from '../measurement/measureWorkers.js';
import type { Figure, Goal } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { ScenarioContext } from './ScenarioContext.js';
import type { UnaryCeilings } from './UnaryCeilings.js';

/**
 * Scenario 1: commit throughput through the gRPC API (single-event commits from 1 and from 32 committers, 100-event
 * commits from a few), each beside the raw insert rate of the same rows straight into the same database.
 */
export async function commitThroughput(context: ScenarioContext, ceilings: UnaryCeilings | undefined): Promise<ReadonlyArray<Figure>> {
    const { backend, sizes } = context;
    const cpu = new CpuUse(context.cpuSources);
    const figures: Figure[] = [];
    const report = (figure: Figure) => {
        printFigure(figure);
        figures.push(figure);
    };

    const rawOneRow = await backend.rawOneRowPerTransaction(sizes.window);
    report(rawFigure(backend.name, rawOneRow, cpu.describe()));

    cpu.start();
    const sequential = await commits(context, 1, 1);
    report(commitFigure(backend.name, '1 committer, 1-event commits', sequential, rawOneRow, [], cpu.describe(), ceilings?.sequential));

    cpu.start();
    const concurrent = await commits(context, sizes.concurrentCommitters, 1);
    const eventsGoal = backend.name === 'postgres' ? 5_000 : 20_000;
    const concurrentGoals: Goal[] = [
        { description: `≥ ${eventsGoal.toLocaleString('en-US')} events/s`, met: concurrent.unitsPerSecond >= eventsGoal },
        ...(backend.name === 'postgres' ? [{ description: '≥ 1.2× raw 1 row/transaction', met: concurrent.unitsPerSecond >= 1.2 * rawOneRow.unitsPerSecond }] : []),
    ];
    report(commitFigure(backend.name, `${sizes.concurrentCommitters} committers, 1-event commits`, concurrent, rawOneRow, concurrentGoals, cpu.describe(), ceilings?.concurrent));

    cpu.start();
    const rawBatched = await backend.rawBatched(sizes.window, sizes.eventsPerBatchCommit, sizes.batchCommitters);
    report(rawFigure(backend.name, rawBatched, cpu.describe()));

    cpu.start();
    const batched = await commits(context, sizes.batchCommitters, sizes.eventsPerBatchCommit);
    const batchedGoals: Goal[] = [{ description: '≥ 60% of raw batched', met: batched.unitsPerSecond >= 0.6 * rawBatched.unitsPerSecond }];
    report(commitFigure(backend.name, `${sizes.batchCommitters} committers, ${sizes.eventsPerBatchCommit}-event commits`, batched, rawBatched, batchedGoals, cpu.describe(), ceilings?.batched));
    return figures;
}

function commits(context: ScenarioContext, committers: number, eventsPerCommit: number): Promise<WorkerMeasurement> {
    return measureWorkers(context.sizes.window, committers, async () => {
        await context.eventStore.commit(benchmarkIdentifiers.throughputEventType, eventsPerCommit);
        return eventsPerCommit;
    });
}

function commitFigure(
    backend: string,
    scenario: string,
    measured: WorkerMeasurement,
    baseline: RawInsertRate,
    goals: ReadonlyArray<Goal>,
    cpu: string,
    ceiling: WorkerMeasurement | undefined,
): Figure {
    return {
        backend,
        scenario: `commit via gRPC, ${scenario}`,
        measured: formatting.rate(measured.unitsPerSecond, 'events/s'),
        latency: formatting.latency(measured.p50Milliseconds, measured.p99Milliseconds),
        baseline: `${formatting.rate(baseline.unitsPerSecond, 'rows/s')} (${baseline.description})`,
        ratio: formatting.ratio(measured.unitsPerSecond, baseline.unitsPerSecond),
        ceiling: ceiling === undefined ? '' : `${formatting.rate(ceiling.unitsPerSecond, 'events/s')} → ${formatting.ratio(measured.unitsPerSecond, ceiling.unitsPerSecond)}`,
        goals,
        cpu,
    };
}

function rawFigure(backend: string, raw: RawInsertRate, cpu: string): Figure {
    return {
        backend,
        scenario: `baseline: ${raw.description}`,
        measured: formatting.rate(raw.unitsPerSecond, 'rows/s'),
        latency: formatting.latency(raw.p50Milliseconds, raw.p99Milliseconds),
        baseline: '—',
        ratio: '—',
        goals: [],
        cpu,
    };
}
