import { Worker } from 'node:worker_threads';
import { benchmarkIdentifiers } from '../events/benchmarkIdentifiers.js';
import { CpuUse } from '../measurement/CpuUse.js';
import { percentile } from '../measurement/percentile.js';
import type { Figure } from '../report/Figure.js';
import { formatting } from '../report/formatting.js';
import { printFigure } from '../report/printFigure.js';
import type { ScenarioContext } from './ScenarioContext.js';

const eventsPerCommit = 1_000;
const contentCharacters = 3_000;
const idleProbes = 50;
const healthGoalMilliseconds = 100;

// Runs in a worker thread, so that this process's own work (receiving 3 MB answers) does not delay the probes:
// GET /healthz every 10 ms until told to stop, then answer each probe's round trip in milliseconds.
const probeSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { request } = require('node:http');
const latencies = [];
let stopping = false;
parentPort.on('message', () => { stopping = true; });
const probe = () => new Promise((resolve) => {
    const started = performance.now();
    const call = request({ host: '127.0.0.1', port: workerData.port, path: '/healthz', agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(performance.now() - started));
    });
    call.on('error', () => resolve(Number.POSITIVE_INFINITY));
    call.end();
});
(async () => {
    while (!stopping && latencies.length < workerData.limit) {
        latencies.push(await probe());
        await new Promise((resolve) => setTimeout(resolve, 10));
    }
    parentPort.postMessage(latencies);
})();
`;

type Probes = {
    /** Resolves with each probe's round trip (Infinity for a probe that got no answer) once `limit` probes are made. */
    readonly finished: Promise<ReadonlyArray<number>>;
    /** Stops probing and resolves with each probe's round trip. */
    stop(): Promise<ReadonlyArray<number>>;
};

function probeHealth(port: number, limit = Number.MAX_SAFE_INTEGER): Probes {
    const worker = new Worker(probeSource, { eval: true, workerData: { port, limit } });
    const latencies = new Promise<ReadonlyArray<number>>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
    });
    const finished = latencies.finally(() => worker.terminate());
    return {
        finished,
        stop: () => {
            worker.postMessage('stop');
            return finished;
        },
    };
}

/**
 * Scenario 4: is the Runtime still answering while it stores large commits? Sends `bigCommits` commits of 1,000
 * events of 3 KB (about 3 MB each) at once and probes GET /healthz every 10 ms meanwhile, from a thread of its own;
 * the baseline is the same probe while the Runtime is idle. Every commit must succeed.
 */
export async function healthDuringBigCommits(context: ScenarioContext): Promise<Figure> {
    const { runtime, eventStore, sizes, backend } = context;
    const idleLatencies = await probeHealth(runtime.httpPort, idleProbes).finished;

    const filler = 'x'.repeat(contentCharacters);
    const commits = Array.from({ length: sizes.bigCommits }, () =>
        eventStore.prepare(benchmarkIdentifiers.throughputEventType, eventsPerCommit, (number) => `{"number":${number},"text":"${filler}"}`),
    );
    const megabytes = commits.reduce((sum, commit) => sum + commit.frame.length, 0) / 1024 / 1024;
    const cpu = new CpuUse(context.cpuSources);
    cpu.start();
    const busy = probeHealth(runtime.httpPort);
    const started = performance.now();
    await runtime.whileRunning(Promise.all(commits.map((commit) => eventStore.send(commit))));
    const elapsed = performance.now() - started;
    const busyLatencies = await busy.stop();

    const longest = Math.max(...busyLatencies);
    const figure: Figure = {
        backend: backend.name,
        scenario: `GET /healthz while ${sizes.bigCommits} commits of ${eventsPerCommit.toLocaleString('en-US')} events of 3 KB (${megabytes.toFixed(0)} MB in all) are stored at once (${busyLatencies.length} probes in ${(elapsed / 1_000).toFixed(1)} s)`,
        measured: `longest ${formatting.milliseconds(longest)} ms`,
        latency: formatting.latency(percentile(busyLatencies, 0.5), percentile(busyLatencies, 0.99)),
        baseline: `idle: longest ${formatting.milliseconds(Math.max(...idleLatencies))} ms, ${formatting.latency(percentile(idleLatencies, 0.5), percentile(idleLatencies, 0.99))}`,
        ratio: formatting.ratio(percentile(busyLatencies, 0.99), percentile(idleLatencies, 0.99)),
        goals: [{ description: `every probe answered within ${healthGoalMilliseconds} ms`, met: longest <= healthGoalMilliseconds }],
        cpu: cpu.describe(),
    };
    printFigure(figure);
    return figure;
}
