import { EventStoreConnection } from '../eventStore/EventStoreConnection.js';
import type { ForkedScript } from '../processes/ForkedScript.js';
import type { HeadMessage } from '../heads/HeadMessage.js';
import type { ManyHandlersHeadArguments } from '../heads/ManyHandlersHeadArguments.js';
import { startHead } from '../heads/startHead.js';
import { runtimeHeapMegabytes, type RuntimeHeap } from '../measurement/runtimeHeapMegabytes.js';
import { preciseNow } from '../measurement/preciseNow.js';
import { residentMegabytes } from '../measurement/residentMegabytes.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { BenchmarkRuntime } from '../runtime/BenchmarkRuntime.js';
import type { ScenarioContext } from './ScenarioContext.js';

const handlerCount = 100;
const eventsPerFillCommit = 2_000;
const fillCommitsInFlight = 4;
// Each of the other 99 handlers has a few events of its own type, so it has a stream position to keep.
const eventsPerOtherType = 10;
const startUpGoalMilliseconds = 2_000;
// RSS may grow by what caches with documented bounds hold, and by the heap V8 keeps; more than this counts as growth.
const flatRssGrowth = 1.2;
// The scenario fails when the handlers make no progress for this long.
const stalledMilliseconds = 60_000;

const numbered = (prefix: string, number: number) => `${prefix}-0000-4000-8000-${number.toString(16).padStart(12, '0')}`;
const handlers = Array.from({ length: handlerCount }, (_, number) => ({ eventHandlerId: numbered('5ca1e0a0', number), eventTypeId: numbered('5ca1e7e0', number) }));
const mainEventType = handlers[0]!.eventTypeId;
const manyHandlersHead = new URL('../heads/manyHandlersHead.ts', import.meta.url);

/**
 * Scenario `scale` (on demand only: minutes long): 100 event handlers registered by one head, one of them handling a
 * log filled to `total` events in big commits, the others a few events each. The Runtime is restarted over the small
 * store and again over the full one, each time timed from its start to ready and on to its 100 handlers registered
 * again, and one new event must then be handled exactly once. Its RSS (and V8 heap in use) is read after the first
 * restart, and when a tenth and when all of the events are committed and handled.
 */
export async function scale(context: ScenarioContext, restart: () => Promise<BenchmarkRuntime>, total: number): Promise<ReadonlyArray<Figure>> {
    const { backend } = context;
    const figures: Figure[] = [];
    const report = (figure: Figure) => {
        printFigure(figure);
        figures.push(figure);
    };
    const early = total / 10;
    const others = (handlerCount - 1) * eventsPerOtherType;
    // Progress every 10 events while filling (the counts waited for are multiples of 10); every event after a restart.
    const arguments_: ManyHandlersHeadArguments = { address: context.runtime.address, handlers, progressEvery: 10 };
    let runtime = context.runtime;
    let eventStore = context.eventStore;
    let head = await startHead(arguments_, manyHandlersHead);
    const restarted: Array<{ runtime: BenchmarkRuntime; eventStore: EventStoreConnection }> = [];
    // Stops the Runtime and its head, starts it again over the same store with the handlers registered again, and times it.
    const restartTimed = async (): Promise<StartUp> => {
        await head.stop();
        await runtime.stop();
        const began = preciseNow();
        runtime = await restart();
        eventStore = new EventStoreConnection(runtime.address);
        restarted.push({ runtime, eventStore });
        const ready = preciseNow() - began;
        head = await startHead({ ...arguments_, address: runtime.address, progressEvery: 1 }, manyHandlersHead);
        const registered = preciseNow() - began;
        await eventStore.commit(mainEventType, 1);
        const handled = await handledAtLeast(runtime, head, 1);
        await head.stop();
        head = await startHead({ ...arguments_, address: runtime.address }, manyHandlersHead);
        return { ready, registered, handled };
    };
    try {
        for (const handler of handlers.slice(1)) {
            await eventStore.commit(handler.eventTypeId, eventsPerOtherType);
        }
        await handledAtLeast(runtime, head, others);
        const small = await restartTimed();
        const memoryAtStart = await memoryOf(runtime);
        const started = preciseNow();
        await fill(eventStore, early);
        await handledAtLeast(runtime, head, early);
        const memoryEarly = await memoryOf(runtime);
        // The rest in nine steps, the RSS read after each, to tell growth that levels off from growth that does not.
        const trajectory: number[] = [memoryEarly.rss];
        for (let step = 2; step <= 10; step++) {
            await fill(eventStore, early);
            await handledAtLeast(runtime, head, step * early);
            trajectory.push(residentMegabytes(runtime.pid));
        }
        const memoryLate = await memoryOf(runtime);
        process.stdout.write(`[${backend.name}] Runtime RSS after each ${early.toLocaleString('en-US')} events: ${trajectory.map((megabytes) => megabytes.toFixed(0)).join(', ')} MB\n`);
        const seconds = (preciseNow() - started) / 1_000;
        process.stdout.write(`[${backend.name}] ${total.toLocaleString('en-US')} events committed and handled in ${seconds.toFixed(0)} s (${formatting.rate(total / seconds, 'events/s')})\n`);
        report({
            backend: backend.name,
            scenario: `Runtime RSS after ${total.toLocaleString('en-US')} events committed and handled (${handlerCount} handlers)`,
            measured: described(memoryLate),
            latency: '',
            baseline: `${described(memoryEarly)} after ${early.toLocaleString('en-US')}; ${described(memoryAtStart)} at start`,
            ratio: formatting.ratio(memoryLate.rss, memoryEarly.rss),
            goals: [{ description: `flat (≤ ${flatRssGrowth}× the RSS after ${early.toLocaleString('en-US')})`, met: memoryLate.rss <= flatRssGrowth * memoryEarly.rss }],
            cpu: '',
        });
        const large = await restartTimed();
        report({
            backend: backend.name,
            scenario: `start-up to ready over ${(total + others + 1).toLocaleString('en-US')} events, then ${handlerCount} handlers registered`,
            measured: `${formatting.milliseconds(large.ready)} ms to ready, ${formatting.milliseconds(large.registered)} ms to registered`,
            latency: '',
            baseline: `${formatting.milliseconds(small.ready)} ms to ready, ${formatting.milliseconds(small.registered)} ms to registered over ${(others + 1).toLocaleString('en-US')} events`,
            ratio: formatting.ratio(large.registered, small.registered),
            goals: [
                { description: `ready and registered < ${startUpGoalMilliseconds / 1_000} s`, met: large.registered < startUpGoalMilliseconds },
                { description: 'after each restart, only the new event is handled', met: large.handled === 1 && small.handled === 1 },
            ],
            cpu: `RSS ${(await memoryOf(runtime)).rss.toFixed(0)} MB once registered`,
        });
        return figures;
    } finally {
        await head.stop();
        for (const started of restarted) {
            started.eventStore.close();
            await started.runtime.stop();
        }
    }
}

type StartUp = { readonly ready: number; readonly registered: number; readonly handled: number };

type Memory = { readonly rss: number; readonly heap: RuntimeHeap };

async function memoryOf(runtime: BenchmarkRuntime): Promise<Memory> {
    return { rss: residentMegabytes(runtime.pid), heap: await runtimeHeapMegabytes(runtime.httpPort) };
}

const described = (memory: Memory) =>
    `${memory.rss.toFixed(0)} MB (heap ${memory.heap.used.toFixed(0)} used of ${memory.heap.total.toFixed(0)}, external ${memory.heap.external.toFixed(0)})`;

async function fill(eventStore: EventStoreConnection, events: number): Promise<void> {
    let left = events;
    await Promise.all(
        Array.from({ length: fillCommitsInFlight }, async () => {
            while (left > 0) {
                const count = Math.min(eventsPerFillCommit, left);
                left -= count;
                await eventStore.commit(mainEventType, count);
            }
        }),
    );
}

/** Waits until the head has handled at least `count` events in all, a second longer for any more, and says how many it handled; fails when the head ends or stalls. */
async function handledAtLeast(runtime: BenchmarkRuntime, head: ForkedScript<HeadMessage>, count: number): Promise<number> {
    let handled = 0;
    let progressed = preciseNow();
    let reached: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => {
        reached = resolve;
    });
    const watch = setInterval(() => {
        if (preciseNow() - progressed > stalledMilliseconds) {
            reached();
        }
    }, 1_000);
    const stopListening = head.onMessage((message) => {
        if (message.kind === 'progress') {
            handled = Math.max(handled, message.handled);
            progressed = preciseNow();
            if (handled >= count) {
                reached();
            }
        } else if (message.kind === 'ended' || message.kind === 'refused') {
            reached();
        }
    });
    try {
        await runtime.whileRunning(enough);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        if (handled < count) {
            throw new Error(`The head stopped after handling ${handled} of ${count} events: ${head.output().slice(-2_000)}`);
        }
        return handled;
    } finally {
        clearInterval(watch);
        stopListening();
    }
}
