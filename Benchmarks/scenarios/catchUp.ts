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

/** What differs between the catch-up of an unpartitioned and of a partitioned handler. */
type CatchUpKind = {
    readonly partitioned: boolean;
    readonly eventTypeId: string;
    readonly eventHandlerId: string;
    /** How many event sources the backlog's events cycle through. */
    readonly eventSources: number;
    readonly goals: (rate: number, ceiling: number) => ReadonlyArray<Figure['goals'][number]>;
};

const unpartitioned: CatchUpKind = {
    partitioned: false,
    eventTypeId: benchmarkIdentifiers.catchUpEventType,
    eventHandlerId: benchmarkIdentifiers.catchUpEventHandler,
    eventSources: 1_024,
    goals: (rate, ceiling) => [
        { description: '≥ 10,000 events/s', met: rate >= 10_000 },
        { description: '≥ 70% of ping-pong', met: rate >= 0.7 * ceiling },
    ],
};

const partitioned: CatchUpKind = {
    partitioned: true,
    eventTypeId: benchmarkIdentifiers.partitionedCatchUpEventType,
    eventHandlerId: benchmarkIdentifiers.partitionedCatchUpEventHandler,
    eventSources: 1_000,
    // Several partitions are in flight, so the one-in-flight ceiling is no limit.
    goals: (rate, ceiling) => [{ description: '≥ 1.5× the one-in-flight ping-pong', met: rate >= 1.5 * ceiling }],
};

/**
 * Scenario 3: catch-up of one unpartitioned event handler over a backlog: commit the backlog first in big commits,
 * then connect a fresh handler (the head in its own process) and time from its connect to the last event received.
 */
export function catchUp(context: ScenarioContext, ceiling: PingPongCeiling): Promise<ReadonlyArray<Figure>> {
    return catchUpOf(unpartitioned, context, ceiling);
}

/**
 * The same for a partitioned handler over a backlog spread over 1,000 event sources: the Runtime keeps up to 100
 * partitions in flight, so it is held against 1.5× the one-in-flight ping-pong ceiling. The head counts events
 * handed twice and events out of order within their partition; either makes the figure NOT EXACT.
 */
export function partitionedCatchUp(context: ScenarioContext, ceiling: PingPongCeiling): Promise<ReadonlyArray<Figure>> {
    return catchUpOf(partitioned, context, ceiling);
}

async function catchUpOf(kind: CatchUpKind, context: ScenarioContext, ceiling: PingPongCeiling): Promise<ReadonlyArray<Figure>> {
    const total = context.sizes.catchUpEvents;
    const name = kind.partitioned ? 'partitioned' : 'unpartitioned';
    const backlogStarted = preciseNow();
    let committed = 0;
    await Promise.all(Array.from({ length: backlogCommitters }, async () => {
        while (committed < total) {
            const count = Math.min(eventsPerBacklogCommit, total - committed);
            committed += count;
            await context.eventStore.send(context.eventStore.prepare(kind.eventTypeId, count, undefined, kind.eventSources));
        }
    }));
    const backlogRate = total / ((preciseNow() - backlogStarted) / 1_000);
    process.stdout.write(`[${context.backend.name}] backlog of ${total.toLocaleString('en-US')} events over ${kind.eventSources.toLocaleString('en-US')} event sources committed in ${eventsPerBacklogCommit}-event commits at ${formatting.rate(backlogRate, 'events/s')}\n`);

    const cpu = new CpuUse(context.cpuSources);
    const head = await startHead({
        address: context.runtime.address,
        eventHandlerId: kind.eventHandlerId,
        eventTypeId: kind.eventTypeId,
        report: 'count',
        expected: total,
        partitioned: kind.partitioned,
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
        const inexact = done === undefined || (done.repeated ?? 0) + (done.outOfOrder ?? 0) === 0 ? '' : ` (NOT EXACT: ${done.repeated ?? 0} repeated, ${done.outOfOrder ?? 0} out of order in their partition)`;
        const headCpu = processCpuMilliseconds(head.pid);
        const rate = latest.handled / ((latest.at - connecting.at) / 1_000);
        const figure: Figure = {
            backend: context.backend.name,
            scenario: `catch-up of 1 ${name} handler over ${total.toLocaleString('en-US')} events${kind.partitioned ? ` from ${kind.eventSources.toLocaleString('en-US')} event sources` : ''}${complete ? '' : ` (INCOMPLETE: ${latest.handled.toLocaleString('en-US')} handled before the ${context.sizes.catchUpTimeoutMilliseconds / 1_000} s limit)`}${inexact}`,
            measured: formatting.rate(rate, 'events/s'),
            latency: '',
            baseline: `${formatting.rate(ceiling.roundTripsPerSecond, 'round trips/s')} (${ceiling.description})`,
            ratio: formatting.ratio(rate, ceiling.roundTripsPerSecond),
            goals: kind.goals(rate, ceiling.roundTripsPerSecond).map((goal) => ({ ...goal, met: goal.met && complete && inexact === '' })),
            cpu: `${cpu.describe()}, head ${Math.round(((headCpu ?? Number.NaN) / (preciseNow() - connecting.at)) * 100)}% (incl. start-up)`,
        };
        printFigure(figure);
        return [figure];
    } finally {
        await head.stop();
    }
}
