import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import type { HeadMessage } from '../heads/HeadMessage.js';
import { startHead } from '../heads/startHead.js';
import { CpuUse } from '../measurement/CpuUse.js';
import { preciseNow } from '../measurement/preciseNow.js';
import { processCpuMilliseconds } from '../measurement/processCpuMilliseconds.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { PingPongCeiling } from './PingPongCeiling.js';
import type { ScenarioContext } from './ScenarioContext.js';

const eventsPerBacklogCommit = 1_000;
const backlogCommitters = 2;

/**
 * Scenario 3: catch-up of one unpartitioned event handler over a backlog: commit the backlog first in big commits,
 * then connect a fresh handler (the head in its own process) and time from its connect to the last event received.
 */
export async function catchUp(context: ScenarioContext, ceiling: PingPongCeiling): Promise<ReadonlyArray<Figure>> {
    const total = context.sizes.catchUpEvents;
    const backlogStarted = preciseNow();
    let committed = 0;
    await Promise.all(Array.from({ length: backlogCommitters }, async () => {
        while (committed < total) {
            const count = Math.min(eventsPerBacklogCommit, total - committed);
            committed += count;
            await context.eventStore.commit(benchmarkIdentifiers.catchUpEventType, count);
        }
    }));
    const backlogRate = total / ((preciseNow() - backlogStarted) / 1_000);
    process.stdout.write(`[${context.backend.name}] backlog of ${total.toLocaleString('en-US')} events committed in ${eventsPerBacklogCommit}-event commits at ${formatting.rate(backlogRate, 'events/s')}\n`);

    const cpu = new CpuUse(context.cpuSources);
    const head = await startHead({
        address: context.runtime.address,
        eventHandlerId: benchmarkIdentifiers.catchUpEventHandler,
        eventTypeId: benchmarkIdentifiers.catchUpEventType,
        report: 'count',
        expected: total,
    });
    try {
        const connecting = await head.next('connecting', 1_000);
        let latest: { readonly handled: number; readonly at: number } = { handled: 0, at: connecting.at };
        head.onMessage((message: HeadMessage) => {
            if (message.kind === 'progress') {
                latest = message;
            }
        });
        const limit = context.sizes.catchUpTimeoutMilliseconds;
        let timer: NodeJS.Timeout | undefined;
        const timedOut = new Promise<undefined>((resolve) => {
            timer = setTimeout(() => resolve(undefined), limit);
        });
        // The head or the Runtime ending fails the scenario; only running out of time gives a partial figure.
        const done = await context.runtime.whileRunning(Promise.race([head.next('done', limit + 60_000), timedOut]));
        clearTimeout(timer);
        const complete = done !== undefined;
        if (done !== undefined) {
            latest = { handled: done.handled, at: done.last };
        }
        const headCpu = processCpuMilliseconds(head.pid);
        const rate = latest.handled / ((latest.at - connecting.at) / 1_000);
        const figure: Figure = {
            backend: context.backend.name,
            scenario: `catch-up of 1 unpartitioned handler over ${total.toLocaleString('en-US')} events${complete ? '' : ` (INCOMPLETE: ${latest.handled.toLocaleString('en-US')} handled before the ${context.sizes.catchUpTimeoutMilliseconds / 1_000} s limit)`}`,
            measured: formatting.rate(rate, 'events/s'),
            latency: '',
            baseline: `${formatting.rate(ceiling.roundTripsPerSecond, 'round trips/s')} (${ceiling.description})`,
            ratio: formatting.ratio(rate, ceiling.roundTripsPerSecond),
            goals: [
                { description: '≥ 10,000 events/s', met: complete && rate >= 10_000 },
                { description: '≥ 70% of ping-pong', met: complete && rate >= 0.7 * ceiling.roundTripsPerSecond },
            ],
            cpu: `${cpu.describe()}, head ${Math.round(((headCpu ?? Number.NaN) / (preciseNow() - connecting.at)) * 100)}% (incl. start-up)`,
        };
        printFigure(figure);
        return [figure];
    } finally {
        await head.stop();
    }
}
