import { randomUUID } from 'node:crypto';
import { percentile } from '../measurement/percentile.js';
import { preciseNow } from '../measurement/preciseNow.js';
import { ForkedScript } from '../processes/ForkedScript.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { SdkHeadArguments, SdkHeadMessage, SdkName } from '../sdks/SdkHeadMessage.js';
import type { ScenarioContext } from './ScenarioContext.js';

const headScript = new URL('../sdks/sdkHead.ts', import.meta.url);
const sdkNames: ReadonlyArray<SdkName> = ['sdk17', 'ours'];
const latencyWarmupEvents = 50;
const firstEventTimeout = 60_000;
const eventTimeout = 10_000;
const backlogCommitSize = 1_000;
const megabyte = 1024 * 1024;
// SDK 17 catches up at a few hundred events/s on a busy two-core machine: 100,000 events take minutes.
const catchUpTimeoutMilliseconds = 900_000;

function startSdkHead(headArguments: SdkHeadArguments): ForkedScript<SdkHeadMessage> {
    return new ForkedScript<SdkHeadMessage>(headScript, headArguments, ['--expose-gc']);
}

/** Commits from concurrent committers through one SDK in its own process; events/s and the head's CPU per commit. */
async function commitsThrough(context: ScenarioContext, sdk: SdkName): Promise<{ readonly rate: number; readonly cpuPerCommit: number; readonly failures: number }> {
    const window = context.sizes.window;
    const head = startSdkHead({ sdk, address: context.runtime.address, eventTypeId: randomUUID(), mode: 'commits', committers: context.sizes.concurrentCommitters, warmupMilliseconds: window.warmupMilliseconds, measureMilliseconds: window.measureMilliseconds });
    try {
        const result = await context.runtime.whileRunning(head.next('committed', window.warmupMilliseconds + window.measureMilliseconds + 60_000));
        return { rate: result.events / (result.milliseconds / 1_000), cpuPerCommit: result.events > 0 ? result.cpuMilliseconds / result.events : Number.NaN, failures: result.failures };
    } finally {
        await head.stop();
    }
}

/** Commit-to-handler latency through one SDK's event handler in its own process, one event at a time. */
async function latencyThrough(context: ScenarioContext, sdk: SdkName): Promise<{ readonly p50: number; readonly p99: number }> {
    const eventTypeId = randomUUID();
    const head = startSdkHead({ sdk, address: context.runtime.address, eventTypeId, mode: 'handler', eventHandlerId: randomUUID(), report: 'each', expected: 0 });
    const handled = new Map<number, number>();
    head.onMessage((message) => {
        if (message.kind === 'handled') {
            handled.set(message.sequenceNumber, message.at);
        }
    });
    try {
        const latencies: number[] = [];
        for (let index = 0; index < latencyWarmupEvents + context.sizes.latencyEvents; index++) {
            const began = preciseNow();
            const sequenceNumber = await context.eventStore.commit(eventTypeId, 1);
            const deadline = Date.now() + (index === 0 ? firstEventTimeout : eventTimeout);
            while (!handled.has(sequenceNumber)) {
                if (Date.now() > deadline) {
                    throw new Error(`The ${sdk} head did not handle event ${sequenceNumber} in time. Its output:\n${head.output()}`);
                }
                await new Promise((resolve) => setImmediate(resolve));
            }
            if (index >= latencyWarmupEvents) {
                latencies.push(handled.get(sequenceNumber)! - began);
            }
        }
        return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
    } finally {
        await head.stop();
    }
}

/** Catch-up of a fresh handler over the backlog through one SDK: events/s from its start, and its heap after a tenth and after all. */
async function catchUpThrough(context: ScenarioContext, sdk: SdkName, eventTypeId: string): Promise<{ readonly rate: number; readonly heapAtTenth: number; readonly heapAtEnd: number; readonly outOfOrder: number; readonly cpuPerEvent: number }> {
    const total = context.sizes.catchUpEvents;
    const head = startSdkHead({ sdk, address: context.runtime.address, eventTypeId, mode: 'handler', eventHandlerId: randomUUID(), report: 'count', expected: total });
    try {
        const connecting = await head.next('connecting', 30_000);
        const done = await context.runtime.whileRunning(head.next('done', Math.max(context.sizes.catchUpTimeoutMilliseconds, catchUpTimeoutMilliseconds)));
        return { rate: total / ((done.last - connecting.at) / 1_000), heapAtTenth: done.heapAtTenth, heapAtEnd: done.heapAtEnd, outOfOrder: done.outOfOrder, cpuPerEvent: done.cpuMilliseconds / total };
    } finally {
        await head.stop();
    }
}

/**
 * Our SDK beside the official SDK 17 on the same Runtime: commits from concurrent committers, commit-to-handler
 * latency, catch-up of a fresh handler over a backlog, and the handler head's heap over that catch-up. Every SDK head
 * runs in a process of its own, one at a time. Ratios are ours ÷ SDK 17's.
 */
export async function sdks(context: ScenarioContext): Promise<ReadonlyArray<Figure>> {
    const backend = context.backend.name;
    const figures: Figure[] = [];
    const commits = new Map<SdkName, Awaited<ReturnType<typeof commitsThrough>>>();
    for (const sdk of sdkNames) {
        commits.set(sdk, await commitsThrough(context, sdk));
    }
    const [officialCommits, ourCommits] = [commits.get('sdk17')!, commits.get('ours')!];
    figures.push({
        backend,
        scenario: `SDK commits: ${context.sizes.concurrentCommitters} concurrent committers, 1 event per Commit, head in its own process (ours vs SDK 17)`,
        measured: `ours ${formatting.rate(ourCommits.rate, 'events/s')} (${ourCommits.cpuPerCommit.toFixed(2)} ms head CPU per commit${ourCommits.failures > 0 ? `, ${ourCommits.failures} failed` : ''})`,
        latency: '',
        baseline: `SDK 17 ${formatting.rate(officialCommits.rate, 'events/s')} (${officialCommits.cpuPerCommit.toFixed(2)} ms head CPU per commit${officialCommits.failures > 0 ? `, ${officialCommits.failures} failed` : ''})`,
        ratio: formatting.ratio(ourCommits.rate, officialCommits.rate),
        goals: [{ description: '≥ 3× SDK 17', met: ourCommits.rate >= 3 * officialCommits.rate }, { description: 'no failed commits', met: ourCommits.failures === 0 }],
        cpu: '',
    });
    printFigure(figures.at(-1)!);

    const latencies = new Map<SdkName, Awaited<ReturnType<typeof latencyThrough>>>();
    for (const sdk of sdkNames) {
        latencies.set(sdk, await latencyThrough(context, sdk));
    }
    const [officialLatency, ourLatency] = [latencies.get('sdk17')!, latencies.get('ours')!];
    figures.push({
        backend,
        scenario: `SDK commit-to-handler latency: ${context.sizes.latencyEvents} events one at a time, committed by the benchmark, handled in the SDK head (ours vs SDK 17)`,
        measured: `ours ${formatting.latency(ourLatency.p50, ourLatency.p99)}`,
        latency: formatting.latency(ourLatency.p50, ourLatency.p99),
        baseline: `SDK 17 ${formatting.latency(officialLatency.p50, officialLatency.p99)}`,
        ratio: formatting.ratio(ourLatency.p50, officialLatency.p50),
        goals: [{ description: 'p50 no worse than SDK 17 (≤ 1.00×)', met: ourLatency.p50 <= officialLatency.p50 }],
        cpu: '',
    });
    printFigure(figures.at(-1)!);

    const total = context.sizes.catchUpEvents;
    const eventTypeId = randomUUID();
    for (let committed = 0; committed < total; committed += backlogCommitSize) {
        await context.eventStore.commit(eventTypeId, Math.min(backlogCommitSize, total - committed));
    }
    const catchUps = new Map<SdkName, Awaited<ReturnType<typeof catchUpThrough>>>();
    for (const sdk of sdkNames) {
        catchUps.set(sdk, await catchUpThrough(context, sdk, eventTypeId));
    }
    const [officialCatchUp, ourCatchUp] = [catchUps.get('sdk17')!, catchUps.get('ours')!];
    figures.push({
        backend,
        scenario: `SDK catch-up: a fresh unpartitioned handler over ${total.toLocaleString('en-US')} events, from the head's start (ours vs SDK 17)`,
        measured: `ours ${formatting.rate(ourCatchUp.rate, 'events/s')} (${ourCatchUp.cpuPerEvent.toFixed(3)} ms head CPU per event)`,
        latency: '',
        baseline: `SDK 17 ${formatting.rate(officialCatchUp.rate, 'events/s')} (${officialCatchUp.cpuPerEvent.toFixed(3)} ms head CPU per event)`,
        ratio: formatting.ratio(ourCatchUp.rate, officialCatchUp.rate),
        goals: [{ description: '≥ 2× SDK 17', met: ourCatchUp.rate >= 2 * officialCatchUp.rate }, { description: 'in order', met: ourCatchUp.outOfOrder === 0 }],
        cpu: '',
    });
    printFigure(figures.at(-1)!);
    const growth = (catchUp: typeof ourCatchUp) => (catchUp.heapAtEnd - catchUp.heapAtTenth) / megabyte;
    figures.push({
        backend,
        scenario: `SDK heap of the handler head after ${total.toLocaleString('en-US')} handled events (after a full GC; growth since a tenth of them)`,
        measured: `ours ${(ourCatchUp.heapAtEnd / megabyte).toFixed(1)} MB (${growth(ourCatchUp) >= 0 ? '+' : ''}${growth(ourCatchUp).toFixed(1)} MB)`,
        latency: '',
        baseline: `SDK 17 ${(officialCatchUp.heapAtEnd / megabyte).toFixed(1)} MB (${growth(officialCatchUp) >= 0 ? '+' : ''}${growth(officialCatchUp).toFixed(1)} MB)`,
        ratio: formatting.ratio(ourCatchUp.heapAtEnd, officialCatchUp.heapAtEnd),
        goals: [{ description: 'flat: grows < 2 MB over the last 90 %', met: growth(ourCatchUp) < 2 }],
        cpu: '',
    });
    printFigure(figures.at(-1)!);
    return figures;
}
