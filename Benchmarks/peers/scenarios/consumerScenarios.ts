import { percentile } from '../../measurement/percentile.js';
import { preciseNow } from '../../measurement/preciseNow.js';
import type { PeerResult } from '../report/PeerResult.js';
import { resultOf } from '../report/resultOf.js';
import { DeliveryRecorder } from './DeliveryRecorder.js';
import { withinRange } from './EventNumbers.js';
import { measureWriters } from './measureWriters.js';
import type { PeerScenarioContext } from './PeerScenarioContext.js';

const backlogWriters = 2;
const eventsPerBacklogAppend = 1_000;
const backlogAttempts = 5;
const backlogStreams = 100;
const warmupTimeout = 30_000;
const arrivalTimeout = 10_000;
const liveWriters = 32;

/**
 * Appends the catch-up backlog in 1,000-event appends over 100 streams from two writers. An append that fails is tried
 * again (up to five times): what a failed append stored all the same shows up as duplicated in the store's count.
 */
async function writeBacklog(context: PeerScenarioContext, total: number): Promise<{ readonly acknowledged: ReadonlyArray<number>; readonly failed: number }> {
    const acknowledged: number[] = [];
    let failed = 0;
    let handedOut = 0;
    let next = 0;
    await Promise.all(Array.from({ length: backlogWriters }, async () => {
        while (handedOut < total) {
            const numbers = context.numbers.take(Math.min(eventsPerBacklogAppend, total - handedOut));
            handedOut += numbers.length;
            const stream = 2_000 + (next++ % backlogStreams);
            for (let attempt = 1; ; attempt++) {
                try {
                    await context.store.append(stream, numbers);
                    acknowledged.push(...numbers);
                    break;
                } catch (error) {
                    failed++;
                    if (attempt === backlogAttempts) {
                        throw new Error(`Appending the backlog failed ${backlogAttempts} times in a row`, { cause: error });
                    }
                }
            }
        }
    }));
    return { acknowledged, failed };
}

/**
 * Catch-up: a backlog is appended first, then each of the system's consumers in turn starts from the beginning and is
 * timed from its start to the delivery of the last backlog event (or to its last delivery when it stalls).
 */
export async function catchUp(context: PeerScenarioContext): Promise<ReadonlyArray<PeerResult>> {
    const total = context.sizes.catchUpEvents;
    const from = context.numbers.mark;
    const backlogStarted = preciseNow();
    const { acknowledged, failed } = await writeBacklog(context, total);
    process.stdout.write(`    backlog of ${total.toLocaleString('en-US')} events appended in ${((preciseNow() - backlogStarted) / 1_000).toFixed(1)} s\n`);
    const stored = withinRange(await context.store.stored(), from, context.numbers.mark);
    const expected = new Set(acknowledged);
    const results: PeerResult[] = [];
    for (const consumer of context.system.consumers) {
        const recorder = new DeliveryRecorder();
        const started = preciseNow();
        const running = await context.store.consume(consumer, recorder.listener);
        try {
            const settled = await recorder.settle(expected, context.sizes.stallMilliseconds, context.sizes.catchUpTimeoutMilliseconds);
            const delivered = recorder.deliveredOf(expected);
            const rate = delivered / ((settled.lastDeliveryAt - started) / 1_000);
            results.push(resultOf(context.system, {
                scenario: `catch-up of one consumer over ${total.toLocaleString('en-US')} events`,
                value: rate,
                unit: 'events/s',
                direction: 'higher',
                failed,
                consumer,
                cutShort: settled.outcome === 'timed out',
                ...(settled.outcome === 'complete' ? {} : { note: `INCOMPLETE (${settled.outcome}): ${delivered.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} delivered` }),
            }, acknowledged, stored, recorder.delivered));
        } finally {
            await running.stop();
        }
    }
    return results;
}

/**
 * For each consumer, on a store of its own: append-to-consumer latency of single events appended one at a time (after
 * a warm-up event that waits for the consumer to be up), then, if asked, the consumer's delivery while 32 writers
 * append concurrently, waited for until it stalls.
 */
export async function latencyAndLiveDelivery(consumers: ReadonlyArray<string>, open: () => Promise<PeerScenarioContext>, withLatency: boolean, withLive: boolean): Promise<ReadonlyArray<PeerResult>> {
    const results: PeerResult[] = [];
    for (const consumer of consumers) {
        const context = await open();
        try {
            const recorder = new DeliveryRecorder();
            const running = await context.store.consume(consumer, recorder.listener);
            try {
                const [warmup] = context.numbers.take(1);
                await context.store.append(3_000, [warmup!]).catch((error: unknown) => {
                    throw new Error(`The first append while the ${consumer} consumer ran failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
                });
                if ((await recorder.arrivalOf(warmup!, warmupTimeout)) === undefined) {
                    throw new Error(`${context.system.name}'s ${consumer} consumer did not deliver a first event within ${warmupTimeout} ms`);
                }
                if (withLatency) {
                    results.push(...(await latency(context, consumer, recorder)));
                }
                if (withLive) {
                    results.push(await liveDelivery(context, consumer, recorder));
                }
            } finally {
                await running.stop();
            }
        } finally {
            await context.store.close();
        }
    }
    return results;
}

async function latency(context: PeerScenarioContext, consumer: string, recorder: DeliveryRecorder): Promise<ReadonlyArray<PeerResult>> {
    const from = context.numbers.mark;
    const acknowledged: number[] = [];
    const latencies: number[] = [];
    let missing = 0;
    const until = preciseNow() + context.sizes.latencyMilliseconds;
    while (latencies.length + missing < context.sizes.latencyEvents && preciseNow() < until) {
        const [number] = context.numbers.take(1);
        const began = preciseNow();
        await context.store.append(3_000, [number!]);
        acknowledged.push(number!);
        const arrived = await recorder.arrivalOf(number!, arrivalTimeout);
        if (arrived === undefined) {
            missing++;
        } else {
            latencies.push(arrived - began);
        }
    }
    const stored = withinRange(await context.store.stored(), from, context.numbers.mark);
    const note = `${latencies.length} events one at a time${missing === 0 ? '' : `; ${missing} not delivered within ${arrivalTimeout / 1_000} s`}`;
    return [0.5, 0.99].map((fraction) => resultOf(context.system, {
        scenario: `append-to-consumer latency p${Math.round(fraction * 100)}`,
        value: percentile(latencies, fraction),
        unit: 'ms',
        direction: 'lower',
        failed: 0,
        consumer,
        note,
    }, acknowledged, stored, recorder.delivered));
}

async function liveDelivery(context: PeerScenarioContext, consumer: string, recorder: DeliveryRecorder): Promise<PeerResult> {
    const from = context.numbers.mark;
    const acknowledged: number[] = [];
    let failed = 0;
    await measureWriters(context.sizes.window, liveWriters, async (writer) => {
        const numbers = context.numbers.take(1);
        try {
            await context.store.append(4_000 + writer, numbers);
            acknowledged.push(...numbers);
            return 1;
        } catch {
            failed++;
            return 0;
        }
    });
    const expected = new Set(acknowledged);
    const settled = await recorder.settle(expected, context.sizes.stallMilliseconds, context.sizes.catchUpTimeoutMilliseconds);
    const stored = withinRange(await context.store.stored(), from, context.numbers.mark);
    const delivered = recorder.deliveredOf(expected);
    return resultOf(context.system, {
        scenario: `consumer during ${liveWriters} concurrent appends: share delivered`,
        value: expected.size === 0 ? 0 : (delivered / expected.size) * 100,
        unit: '%',
        direction: 'higher',
        failed,
        consumer,
        ...(settled.outcome === 'complete' ? {} : { note: `waited until ${settled.outcome}` }),
    }, acknowledged, stored, recorder.delivered);
}
