// `npm run bench -- --peers`: the same workloads through our Runtime, the peers and the raw-driver ceilings, one table.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { machineDescription, loadAverage } from './machineDescription.js';
import { isSystemChosen, PeerArgumentIsInvalid, readPeerOptions, type PeerOptions, type PeerScenarioKey } from './PeerOptions.js';
import type { PeerSystem } from './PeerSystem.js';
import { peerChart } from './report/peerChart.js';
import type { PeerResult } from './report/PeerResult.js';
import { formatValue, peerJson, peerTable } from './report/peerTable.js';
import { batchAppends, concurrentAppends, expectedVersionAppends, readStream, sequentialAppends } from './scenarios/appendScenarios.js';
import { catchUp, latencyAndLiveDelivery } from './scenarios/consumerScenarios.js';
import { EventNumbers } from './scenarios/EventNumbers.js';
import type { PeerScenarioContext } from './scenarios/PeerScenarioContext.js';
import { peerSystems } from './systems/peerSystems.js';

const appendScenarios: ReadonlyArray<readonly [PeerScenarioKey, (context: PeerScenarioContext) => Promise<PeerResult>]> = [
    ['sequential', sequentialAppends],
    ['concurrent-32', (context) => concurrentAppends(context, 32)],
    ['concurrent-256', (context) => concurrentAppends(context, 256)],
    ['batches', batchAppends],
    ['expected-version', expectedVersionAppends],
    ['read-stream', readStream],
];

function printResult(result: PeerResult): void {
    const problems = result.lost + result.duplicated + result.failed + (result.delivery?.missing ?? 0) + (result.delivery?.duplicates ?? 0);
    process.stdout.write(`  ${result.scenario} · ${result.system}: ${formatValue(result.value, result.unit)} (acknowledged ${result.acknowledged}, stored ${result.stored}${result.delivery === undefined ? '' : `, delivered ${result.delivery.delivered}`}${problems > 0 ? `, lost ${result.lost}, duplicated ${result.duplicated}, failed ${result.failed}${result.delivery === undefined ? '' : `, missing ${result.delivery.missing}, twice ${result.delivery.duplicates}`}` : ''})${result.note === undefined ? '' : ` — ${result.note}`}\n`);
}

/** A row that says a scenario could not be measured, and why. */
function failedResult(system: PeerSystem, scenario: string, error: unknown): PeerResult {
    return {
        system: system.name, backend: system.backend, role: system.role, scenario, value: Number.NaN, unit: '', direction: 'higher',
        acknowledged: 0, stored: 0, lost: 0, duplicated: 0, failed: 1,
        note: `FAILED: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200)}`,
    };
}

async function runSystem(system: PeerSystem, options: PeerOptions, numbers: EventNumbers): Promise<ReadonlyArray<PeerResult>> {
    const results: PeerResult[] = [];
    const record = (result: PeerResult) => {
        printResult(result);
        results.push(result);
    };
    const open = async (): Promise<PeerScenarioContext> => ({ system, store: await system.open(options.postgresServer), sizes: options.sizes, numbers });
    const chosen = appendScenarios.filter(([key]) => options.scenarios.includes(key));
    if (chosen.length > 0) {
        try {
            const context = await open();
            try {
                for (const [, scenario] of chosen) {
                    record(await scenario(context));
                }
            } finally {
                await context.store.close();
            }
        } catch (error) {
            record(failedResult(system, 'appends and reads', error));
        }
    }
    if (system.consumers.length > 0 && options.scenarios.includes('catch-up')) {
        try {
            const context = await open();
            try {
                (await catchUp(context)).forEach(record);
            } finally {
                await context.store.close();
            }
        } catch (error) {
            record(failedResult(system, 'catch-up', error));
        }
    }
    const withLatency = options.scenarios.includes('latency');
    const withLive = options.scenarios.includes('live');
    if (system.consumers.length > 0 && (withLatency || withLive)) {
        try {
            (await latencyAndLiveDelivery(system.consumers, open, withLatency, withLive)).forEach(record);
        } catch (error) {
            record(failedResult(system, 'latency and live delivery', error));
        }
    }
    return results;
}

function versions(systems: ReadonlyArray<PeerSystem>): string {
    return systems.map((system) => `  ${system.name} (${system.backend}): ${system.version}`).join('\n');
}

/** Runs the comparison the command line asks for; resolves with the process's exit code. */
export async function runPeers(argumentList: ReadonlyArray<string>): Promise<number> {
    let options: PeerOptions;
    try {
        options = readPeerOptions(argumentList, process.env);
    } catch (error) {
        if (error instanceof PeerArgumentIsInvalid) {
            process.stderr.write(`${error.message}\n`);
            return 2;
        }
        throw error;
    }
    const systems = peerSystems.filter((system) => isSystemChosen(options.systemFilters, system.name, system.backend));
    const machine = await machineDescription(options.postgresServer);
    process.stdout.write(`Dolittle Runtime against the peers (${options.quick ? 'quick' : 'full'}; scenarios: ${options.scenarios.join(', ')})\n${machine}\nversions:\n${versions(systems)}\n\n`);
    if (options.describeSystemOnly) {
        return 0;
    }
    const started = Date.now();
    const numbers = new EventNumbers();
    const results: PeerResult[] = [];
    for (const system of systems) {
        process.stdout.write(`== ${system.name} on ${system.backend} (load average ${loadAverage()}) ==\n`);
        const systemStarted = Date.now();
        results.push(...(await runSystem(system, options, numbers)));
        process.stdout.write(`  (${Math.round((Date.now() - systemStarted) / 1_000)} s)\n`);
    }
    const seconds = Math.round((Date.now() - started) / 1_000);
    process.stdout.write(`\nRatios are how many times better than the best peer and than the raw ceiling (above 1 is better, for latency too).\n\n${peerTable(results)}\nDone in ${seconds} s; load average at the end ${loadAverage()}.\n`);
    if (options.jsonFile !== undefined) {
        await mkdir(dirname(options.jsonFile), { recursive: true });
        await writeFile(options.jsonFile, peerJson(results));
        process.stdout.write(`JSON written to ${options.jsonFile}\n`);
    }
    if (options.chartFile !== undefined) {
        const caption = `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${options.quick ? 'quick' : 'full'} run, ${machine.split('\n')[0]!.replace('machine: ', '')}, load average ${loadAverage()}`;
        await mkdir(dirname(options.chartFile), { recursive: true });
        await writeFile(options.chartFile, peerChart(results, caption));
        process.stdout.write(`Chart written to ${options.chartFile}\n`);
    }
    const problems = results.filter((result) => result.role === 'ours' && (result.lost > 0 || result.duplicated > 0 || (result.delivery !== undefined && result.delivery.cutShort !== true && result.delivery.missing > 0) || (result.delivery?.duplicates ?? 0) > 0));
    if (problems.length > 0) {
        process.stdout.write(`Our Runtime lost or duplicated events in: ${problems.map((result) => `${result.scenario} (${result.system}, ${result.backend})`).join('; ')}\n`);
    }
    return 0;
}
