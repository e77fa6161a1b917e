import { benchmarkEventContent } from '../events/benchmarkEventContent.js';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import type { HeadMessage } from '../heads/HeadMessage.js';
import type { ProjectionHeadArguments } from '../heads/ProjectionHeadArguments.js';
import { startHead } from '../heads/startHead.js';
import { CpuUse } from '../measurement/CpuUse.js';
import { preciseNow } from '../measurement/preciseNow.js';
import { processCpuMilliseconds } from '../measurement/processCpuMilliseconds.js';
import { ProjectionStoreConnection, type StoredReadModel } from '../projectionStore/ProjectionStoreConnection.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { PingPongCeiling } from './PingPongCeiling.js';
import type { ScenarioContext } from './ScenarioContext.js';

const eventsPerBacklogCommit = 1_000;
const backlogCommitters = 2;
const keys = 1_000;
const initialState = '{"count":0}';
/** How long the read models may take to show every event once the head has answered the last request. */
const readModelsTimeoutMilliseconds = 30_000;
const readModelsPollMilliseconds = 10;
/** The goals per backend, in events/s. */
const rateGoals = { embedded: 20_000, postgres: 10_000 } as const;
/** The projection must beat the one-in-flight ping-pong ceiling by this much: the Runtime keeps several keys in flight. */
const ceilingGoal = 1.5;

/** What the read models hold: how many there are, and the sum of their counters. */
type ReadModelTotals = { readonly readModels: number; readonly sum: number; readonly unexpected: number };

function totalsOf(readModels: ReadonlyArray<StoredReadModel>, perKey: number): ReadModelTotals {
    let sum = 0;
    let unexpected = 0;
    for (const readModel of readModels) {
        const count = (JSON.parse(readModel.state) as { readonly count?: number }).count ?? 0;
        sum += count;
        if (count !== perKey) {
            unexpected++;
        }
    }
    return { readModels: readModels.length, sum, unexpected };
}

/**
 * Projection replay: commit a backlog of events spread evenly over 1,000 event source ids first, in 1,000-event
 * commits, then connect one projection keyed by event source id (the projection head in its own process, answering
 * each request at once with a counter plus one) and time from its connect until it answered the last request and the
 * projection store's GetAll shows every event in the read models. Checked at the end: 1,000 read models whose counters
 * sum to the backlog (each key's counter equal to its share), or the figure says how many events were lost or
 * applied twice.
 */
export async function projectionReplay(context: ScenarioContext, ceiling: PingPongCeiling): Promise<ReadonlyArray<Figure>> {
    const total = context.sizes.projectionReplayEvents;
    const perKey = total / keys;
    const backlogStarted = preciseNow();
    let committed = 0;
    await Promise.all(Array.from({ length: backlogCommitters }, async () => {
        while (committed < total) {
            const count = Math.min(eventsPerBacklogCommit, total - committed);
            committed += count;
            await context.eventStore.send(context.eventStore.prepare(benchmarkIdentifiers.projectionReplayEventType, count, benchmarkEventContent, keys));
        }
    }));
    const backlogRate = total / ((preciseNow() - backlogStarted) / 1_000);
    process.stdout.write(`[${context.backend.name}] backlog of ${total.toLocaleString('en-US')} events over ${keys.toLocaleString('en-US')} event sources committed in ${eventsPerBacklogCommit}-event commits at ${formatting.rate(backlogRate, 'events/s')}\n`);

    const store = new ProjectionStoreConnection(context.runtime.address);
    const cpu = new CpuUse(context.cpuSources);
    const headArguments: ProjectionHeadArguments = {
        address: context.runtime.address,
        projectionId: benchmarkIdentifiers.projectionReplayProjection,
        eventTypeId: benchmarkIdentifiers.projectionReplayEventType,
        initialState,
        expected: total,
    };
    const head = await startHead(headArguments, new URL('../heads/projectionHead.ts', import.meta.url));
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
        let answered = latest.at;
        if (done !== undefined) {
            latest = { handled: done.handled, at: done.last };
            answered = done.last;
        }
        // The last batch's read models are committed after its last answer: wait until the store shows every event.
        let totals = totalsOf(await store.getAll(benchmarkIdentifiers.projectionReplayProjection), perKey);
        let completeAt = preciseNow();
        const readModelsDeadline = completeAt + readModelsTimeoutMilliseconds;
        while (done !== undefined && totals.sum < total && preciseNow() < readModelsDeadline) {
            await new Promise((resolve) => setTimeout(resolve, readModelsPollMilliseconds));
            totals = totalsOf(await store.getAll(benchmarkIdentifiers.projectionReplayProjection), perKey);
            completeAt = preciseNow();
        }
        const headCpu = processCpuMilliseconds(head.pid);
        const exact = done !== undefined && totals.readModels === keys && totals.sum === total && totals.unexpected === 0;
        const end = exact ? Math.max(answered, completeAt) : latest.at;
        const projected = exact ? total : Math.min(latest.handled, totals.sum);
        const rate = projected / ((end - connecting.at) / 1_000);
        const wrong = exact
            ? ''
            : ` (NOT EXACT: ${latest.handled.toLocaleString('en-US')} requests answered; ${totals.readModels.toLocaleString('en-US')} read models, counters sum ${totals.sum.toLocaleString('en-US')}: ${totals.sum < total ? `${(total - totals.sum).toLocaleString('en-US')} lost` : `${(totals.sum - total).toLocaleString('en-US')} duplicated`}${totals.unexpected > 0 ? `, ${totals.unexpected} keys not at ${perKey}` : ''})`;
        process.stdout.write(`[${context.backend.name}] last request answered ${formatting.milliseconds(answered - connecting.at)} ms after connect; read models complete ${formatting.milliseconds(completeAt - answered)} ms later\n`);
        const rateGoal = rateGoals[context.backend.name];
        const figure: Figure = {
            backend: context.backend.name,
            scenario: `projection replay, 1 projection over ${total.toLocaleString('en-US')} events, ${keys.toLocaleString('en-US')} keys${wrong}`,
            measured: formatting.rate(rate, 'events/s'),
            latency: '',
            baseline: `${formatting.rate(ceiling.roundTripsPerSecond, 'round trips/s')} (${ceiling.description})`,
            ratio: formatting.ratio(rate, ceiling.roundTripsPerSecond),
            goals: [
                { description: `≥ ${rateGoal.toLocaleString('en-US')} events/s`, met: exact && rate >= rateGoal },
                { description: `> ${ceilingGoal}× ping-pong`, met: exact && rate > ceilingGoal * ceiling.roundTripsPerSecond },
                { description: 'read models exact', met: exact },
            ],
            cpu: `${cpu.describe()}, head ${Math.round(((headCpu ?? Number.NaN) / (preciseNow() - connecting.at)) * 100)}% (incl. start-up)`,
        };
        printFigure(figure);
        return [figure];
    } finally {
        store.close();
        await head.stop();
    }
}
