import { measureWorkers } from '../../measurement/measureWorkers.js';
import type { PeerResult } from '../report/PeerResult.js';
import { resultOf } from '../report/resultOf.js';
import { withinRange } from './EventNumbers.js';
import { measureWriters } from './measureWriters.js';
import type { PeerScenarioContext } from './PeerScenarioContext.js';

/** How one append scenario writes: how many writers, how many events per append, with expected versions or not. */
type AppendShape = {
    readonly scenario: string;
    readonly writers: number;
    readonly eventsPerAppend: number;
    readonly expectedVersions: boolean;
    /** Writer w appends to stream firstStream + w: streams of their own, apart from every other scenario's. */
    readonly firstStream: number;
};

/** The first error of a scenario is kept, to explain its failed appends. */
function noteOf(failed: number, firstError: unknown): string | undefined {
    return failed === 0 ? undefined : `${failed} appends failed, first: ${firstError instanceof Error ? firstError.message : String(firstError)}`.slice(0, 300);
}

/**
 * Appends from `writers` concurrent writers, each to a stream of its own, through the warm-up and the measured window;
 * then counts what the system acknowledged against what its database holds. A failed append is counted and the
 * writer goes on (with expected versions, at the version its stream really has).
 */
async function appendScenario(context: PeerScenarioContext, shape: AppendShape): Promise<PeerResult> {
    const from = context.numbers.mark;
    const acknowledged: number[] = [];
    let failed = 0;
    let firstError: unknown;
    const streamLengths = new Map<number, number>();
    const eventsPerSecond = await measureWriters(context.sizes.window, shape.writers, async (writer) => {
        const numbers = context.numbers.take(shape.eventsPerAppend);
        const stream = shape.firstStream + writer;
        try {
            if (shape.expectedVersions) {
                const before = streamLengths.get(stream) ?? 0;
                await context.store.appendExpecting(stream, numbers, before);
                streamLengths.set(stream, before + numbers.length);
            } else {
                await context.store.append(stream, numbers);
            }
            acknowledged.push(...numbers);
            return numbers.length;
        } catch (error) {
            failed++;
            firstError ??= error;
            if (shape.expectedVersions) {
                streamLengths.set(stream, (await context.store.read(stream)).length);
            }
            return 0;
        }
    });
    const stored = withinRange(await context.store.stored(), from, context.numbers.mark);
    const note = noteOf(failed, firstError);
    return resultOf(context.system, { scenario: shape.scenario, value: eventsPerSecond, unit: 'events/s', direction: 'higher', failed, ...(note === undefined ? {} : { note }) }, acknowledged, stored);
}

export const sequentialAppends = (context: PeerScenarioContext) =>
    appendScenario(context, { scenario: 'sequential single-event appends', writers: 1, eventsPerAppend: 1, expectedVersions: false, firstStream: 10_000 });

export const concurrentAppends = (context: PeerScenarioContext, writers: number) =>
    appendScenario(context, { scenario: `${writers} concurrent single-event appends`, writers, eventsPerAppend: 1, expectedVersions: false, firstStream: 20_000 + writers * 1_000 });

export const batchAppends = (context: PeerScenarioContext) =>
    appendScenario(context, { scenario: `${context.sizes.eventsPerBatch}-event batches (${context.sizes.batchWriters} writers)`, writers: context.sizes.batchWriters, eventsPerAppend: context.sizes.eventsPerBatch, expectedVersions: false, firstStream: 30_000 });

/** One writer appending single events to one stream, each expecting the version the previous append left. */
export const expectedVersionAppends = (context: PeerScenarioContext) =>
    appendScenario(context, { scenario: 'same-stream appends with expected versions', writers: 1, eventsPerAppend: 1, expectedVersions: true, firstStream: 60_000 });

/** Writes one stream of `streamLength` events in one append, then reads it whole again and again for the window. */
export async function readStream(context: PeerScenarioContext): Promise<PeerResult> {
    const length = context.sizes.streamLength;
    const stream = 7;
    const from = context.numbers.mark;
    const numbers = context.numbers.take(length);
    await context.store.appendExpecting(stream, numbers, 0);
    let wrongReads = 0;
    let firstWrong = '';
    const measurement = await measureWorkers(context.sizes.window, 1, async () => {
        const read = await context.store.read(stream);
        if (read.length !== length || read.some((number, index) => number !== numbers[index])) {
            wrongReads++;
            firstWrong ||= `a read returned ${read.length} events (expected ${length} in order)`;
        }
        return 1;
    });
    const stored = withinRange(await context.store.stored(), from, context.numbers.mark);
    return resultOf(
        context.system,
        { scenario: `reading a ${length}-event stream`, value: measurement.unitsPerSecond, unit: 'reads/s', direction: 'higher', failed: wrongReads, ...(wrongReads === 0 ? {} : { note: `${wrongReads} wrong reads: ${firstWrong}` }) },
        numbers,
        stored,
    );
}
