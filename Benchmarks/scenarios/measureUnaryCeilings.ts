import { startBareGrpcServer } from '../bareGrpc/startBareGrpcServer.js';
import type { BenchmarkSizes } from '../BenchmarkOptions.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { EventStoreConnection } from '../eventStore/EventStoreConnection.js';
import { CpuUse, type CpuSource } from '../measurement/CpuUse.js';
import { measureWorkers, type WorkerMeasurement } from '../measurement/measureWorkers.js';
import { processCpuMilliseconds } from '../measurement/processCpuMilliseconds.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { UnaryCeilings } from './UnaryCeilings.js';

/**
 * The commit ceilings: the same client and the same Commit messages as scenario 1, against a bare grpc-js server
 * (its own process) that answers with Runtime-shaped committed events and stores nothing. What gRPC itself costs on
 * this machine, beside which the Runtime's commit figures are read.
 */
export async function measureUnaryCeilings(sizes: BenchmarkSizes, sources: ReadonlyArray<CpuSource>): Promise<{ readonly ceilings: UnaryCeilings; readonly figures: ReadonlyArray<Figure> }> {
    const { server, port } = await startBareGrpcServer(0);
    const connection = new EventStoreConnection(`127.0.0.1:${port}`);
    try {
        const cpu = new CpuUse([['server', () => processCpuMilliseconds(server.pid)], ...sources]);
        const figures: Figure[] = [];
        const measure = async (committers: number, eventsPerCommit: number): Promise<WorkerMeasurement> => {
            cpu.start();
            const measured = await measureWorkers(sizes.window, committers, async () => {
                await connection.commit(benchmarkIdentifiers.throughputEventType, eventsPerCommit);
                return eventsPerCommit;
            });
            const figure: Figure = {
                backend: 'gRPC only',
                scenario: `ceiling: bare grpc-js unary Commit, no storage, ${committers} committer${committers === 1 ? '' : 's'}, ${eventsPerCommit}-event commits`,
                measured: formatting.rate(measured.unitsPerSecond, 'events/s'),
                latency: formatting.latency(measured.p50Milliseconds, measured.p99Milliseconds),
                baseline: '—',
                ratio: '—',
                goals: [],
                cpu: cpu.describe(),
            };
            printFigure(figure);
            figures.push(figure);
            return measured;
        };
        const sequential = await measure(1, 1);
        const concurrent = await measure(sizes.concurrentCommitters, 1);
        const batched = await measure(sizes.batchCommitters, sizes.eventsPerBatchCommit);
        return { ceilings: { sequential, concurrent, batched }, figures };
    } finally {
        connection.close();
        await server.stop();
    }
}
