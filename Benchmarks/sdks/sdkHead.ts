// An SDK benchmark head, in a process of its own (forked with --expose-gc): commits from concurrent committers for a
// measured window, or runs an unpartitioned event handler and reports each event or its progress, through our SDK or
// SDK 17. Argument: SdkHeadArguments as JSON.
import { randomUUID } from 'node:crypto';
import { preciseNow } from '../measurement/preciseNow.js';
import { officialSdk } from './officialSdk.js';
import { ourSdk } from './ourSdk.js';
import type { SdkHeadArguments, SdkHeadMessage } from './SdkHeadMessage.js';

const headArguments = JSON.parse(process.argv[2] ?? '{}') as SdkHeadArguments;
const send = (message: SdkHeadMessage) => process.send?.(message);
const sdk = (headArguments.sdk === 'ours' ? ourSdk : officialSdk)(headArguments.address, headArguments.eventTypeId);
const cpuMilliseconds = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1_000;
};
const heapAfterCollection = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
};
const eventSources = Array.from({ length: 1_024 }, () => randomUUID());

if (headArguments.mode === 'commits') {
    const { committers, warmupMilliseconds, measureMilliseconds } = headArguments;
    send({ kind: 'connecting', at: preciseNow() });
    let measuring = false;
    let stop = false;
    let events = 0;
    let failures = 0;
    let next = 0;
    const committer = async () => {
        while (!stop) {
            const number = next++;
            try {
                await sdk.commit(eventSources[number % eventSources.length]!, { number, text: 'an event of a benchmark' });
                if (measuring) {
                    events++;
                }
            } catch {
                failures++;
            }
        }
    };
    const running = Promise.all(Array.from({ length: committers }, committer));
    await new Promise((resolve) => setTimeout(resolve, warmupMilliseconds));
    measuring = true;
    const began = preciseNow();
    const cpuBefore = cpuMilliseconds();
    await new Promise((resolve) => setTimeout(resolve, measureMilliseconds));
    measuring = false;
    const milliseconds = preciseNow() - began;
    const cpu = cpuMilliseconds() - cpuBefore;
    stop = true;
    await running;
    send({ kind: 'committed', events, milliseconds, cpuMilliseconds: cpu, failures });
    await sdk.disconnect();
} else {
    const { eventHandlerId, report, expected } = headArguments;
    let handled = 0;
    let heapAtTenth = 0;
    let previous = -1;
    let outOfOrder = 0;
    let cpuAtStart = 0;
    const tenth = Math.max(1, Math.floor(expected / 10));
    send({ kind: 'connecting', at: preciseNow() });
    cpuAtStart = cpuMilliseconds();
    sdk.handle(eventHandlerId, (sequenceNumber) => {
        const at = preciseNow();
        if (sequenceNumber <= previous) {
            outOfOrder++;
        }
        previous = sequenceNumber;
        handled++;
        if (report === 'each') {
            send({ kind: 'handled', at, sequenceNumber });
            return;
        }
        if (handled === tenth) {
            heapAtTenth = heapAfterCollection();
        }
        if (handled % 1_000 === 0) {
            send({ kind: 'progress', handled, at });
        }
        if (handled === expected) {
            send({ kind: 'done', handled, last: at, heapAtTenth, heapAtEnd: heapAfterCollection(), cpuMilliseconds: cpuMilliseconds() - cpuAtStart, outOfOrder });
        }
    });
}
