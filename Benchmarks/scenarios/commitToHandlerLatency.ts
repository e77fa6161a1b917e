import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { startHead } from '../heads/startHead.js';
import { CpuUse } from '../measurement/CpuUse.js';
import { percentile } from '../measurement/percentile.js';
import { preciseNow } from '../measurement/preciseNow.js';
import { processCpuMilliseconds } from '../measurement/processCpuMilliseconds.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { ScenarioContext } from './ScenarioContext.js';

const warmupEvents = 50;
const handledTimeout = 10_000;

/**
 * Scenario 2: commit-to-handler latency, one event at a time: commit, wait until the head (a separate process)
 * reports it received the handle request, then the next. Latency runs from the start of the Commit call to the
 * head's receipt; the commit's own round trip is the baseline.
 */
export async function commitToHandlerLatency(context: ScenarioContext): Promise<ReadonlyArray<Figure>> {
    const head = await startHead({
        address: context.runtime.address,
        eventHandlerId: benchmarkIdentifiers.latencyEventHandler,
        eventTypeId: benchmarkIdentifiers.latencyEventType,
        report: 'each',
        expected: context.sizes.latencyEvents + warmupEvents,
    });
    try {
        const received = new Map<number, number>();
        const waiting = new Map<number, (at: number) => void>();
        head.onMessage((message) => {
            if (message.kind !== 'handled') {
                return;
            }
            const waiter = waiting.get(message.sequenceNumber);
            if (waiter === undefined) {
                received.set(message.sequenceNumber, message.at);
            } else {
                waiting.delete(message.sequenceNumber);
                waiter(message.at);
            }
        });
        const handledAt = (sequenceNumber: number) => {
            const at = received.get(sequenceNumber);
            if (at !== undefined) {
                received.delete(sequenceNumber);
                return Promise.resolve(at);
            }
            return new Promise<number>((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`The head did not receive event ${sequenceNumber} within ${handledTimeout} ms`)), handledTimeout);
                waiting.set(sequenceNumber, (at) => {
                    clearTimeout(timer);
                    resolve(at);
                });
            });
        };

        const fromStart: number[] = [];
        const fromAck: number[] = [];
        const commitRoundTrips: number[] = [];
        const cpu = new CpuUse([...context.cpuSources, ['head', () => processCpuMilliseconds(head.pid)]]);
        for (let index = 0; index < warmupEvents + context.sizes.latencyEvents; index++) {
            if (index === warmupEvents) {
                cpu.start();
            }
            const began = preciseNow();
            const sequenceNumber = await context.eventStore.commit(benchmarkIdentifiers.latencyEventType, 1);
            const acknowledged = preciseNow();
            const at = await handledAt(sequenceNumber);
            if (index >= warmupEvents) {
                fromStart.push(at - began);
                fromAck.push(at - acknowledged);
                commitRoundTrips.push(acknowledged - began);
            }
        }
        const p50 = percentile(fromStart, 0.5);
        const p99 = percentile(fromStart, 0.99);
        const commitP50 = percentile(commitRoundTrips, 0.5);
        const figure: Figure = {
            backend: context.backend.name,
            scenario: `commit-to-handler latency from Commit call start, ${fromStart.length} events one at a time, head in its own process`,
            measured: `p50 ${formatting.milliseconds(p50)} ms (from ack: p50 ${formatting.milliseconds(percentile(fromAck, 0.5))} / p99 ${formatting.milliseconds(percentile(fromAck, 0.99))} ms)`,
            latency: formatting.latency(p50, p99),
            baseline: `Commit round trip ${formatting.latency(commitP50, percentile(commitRoundTrips, 0.99))}`,
            ratio: formatting.ratio(p50, commitP50),
            goals: [
                { description: 'p50 ≤ 5 ms', met: p50 <= 5 },
                { description: 'p99 ≤ 25 ms', met: p99 <= 25 },
            ],
            cpu: cpu.describe(),
        };
        printFigure(figure);
        return [figure];
    } finally {
        await head.stop();
    }
}
