import { startBareGrpcServer } from '../bareGrpc/startBareGrpcServer.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { startHead } from '../heads/startHead.js';
import { CpuUse, type CpuSource } from '../measurement/CpuUse.js';
import { processCpuMilliseconds } from '../measurement/processCpuMilliseconds.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { PingPongCeiling } from './PingPongCeiling.js';

/**
 * The catch-up ceiling: a bare grpc-js EventHandlers/Connect server (no storage, no processing) sends handle
 * requests like the Runtime's, one at a time, to the same benchmark head as the catch-up scenario, each in a process
 * of its own. The rate is timed like catch-up: from the head's connect to its last received request.
 */
export async function measurePingPongCeiling(roundTrips: number, machine: CpuSource): Promise<{ readonly ceiling: PingPongCeiling; readonly figure: Figure }> {
    const { server, port } = await startBareGrpcServer(roundTrips);
    try {
        const cpu = new CpuUse([['server', () => processCpuMilliseconds(server.pid)], machine]);
        const head = await startHead({
            address: `127.0.0.1:${port}`,
            eventHandlerId: benchmarkIdentifiers.catchUpEventHandler,
            eventTypeId: benchmarkIdentifiers.catchUpEventType,
            report: 'count',
            expected: roundTrips,
        });
        try {
            const connecting = await head.next('connecting', 1_000);
            const done = await head.next('done', 300_000);
            const roundTripsPerSecond = done.handled / ((done.last - connecting.at) / 1_000);
            const description = 'bare grpc-js bidi ping-pong, one request in flight, Runtime-sized messages';
            const figure: Figure = {
                backend: 'gRPC only',
                scenario: `ceiling: ${description}, ${roundTrips.toLocaleString('en-US')} round trips`,
                measured: formatting.rate(roundTripsPerSecond, 'round trips/s'),
                latency: '',
                baseline: '—',
                ratio: '—',
                goals: [],
                cpu: `${cpu.describe()}, head ${Math.round(((processCpuMilliseconds(head.pid) ?? Number.NaN) / (done.last - connecting.at)) * 100)}% (incl. start-up)`,
            };
            printFigure(figure);
            return { ceiling: { roundTripsPerSecond, description }, figure };
        } finally {
            await head.stop();
        }
    } finally {
        await server.stop();
    }
}
