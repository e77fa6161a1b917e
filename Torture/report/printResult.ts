import { tortureIdentifiers } from '../identifiers.js';
import type { TortureResult } from '../runTorture.js';

/** Prints one backend's result as a table: one row per figure, one column per tenant; failures are marked. */
export function printResult(result: TortureResult, write: (text: string) => void): void {
    const tenants = tortureIdentifiers.tenants.map((_, index) => `tenant ${index}`);
    const rows = new Map<string, { readonly mustBeZero: boolean; readonly values: number[]; readonly examples: string[] }>();
    for (const figure of result.figures) {
        const name = `${figure.subject}: ${figure.name}`;
        const row = rows.get(name) ?? { mustBeZero: figure.mustBeZero, values: tenants.map(() => 0), examples: [] };
        row.values[figure.tenant] = figure.value;
        row.examples.push(...figure.examples.map((example) => `tenant ${figure.tenant}: ${example}`));
        rows.set(name, row);
    }
    const width = Math.max(...[...rows.keys()].map((name) => name.length));
    write(`\n== ${result.backend}: ${result.storedEvents.toLocaleString('en-US')} events stored in ${Math.round(result.seconds)} s; folder ${result.folder}\n`);
    write(`faults: ${Object.entries(result.faults).map(([name, count]) => `${name} ${count}`).join(', ')}\n`);
    write(`commits: ${Object.entries(result.commits).map(([name, count]) => `${name} ${count}`).join(', ')}\n\n`);
    write(`| ${'figure'.padEnd(width)} | ${tenants.join(' | ')} | verdict |\n`);
    write(`|${'-'.repeat(width + 2)}|${tenants.map((tenant) => '-'.repeat(tenant.length + 2)).join('|')}|---------|\n`);
    for (const [name, row] of rows) {
        const failed = row.mustBeZero && row.values.some((value) => value > 0);
        const verdict = row.mustBeZero ? (failed ? 'FAILED' : 'ok') : 'info';
        write(`| ${name.padEnd(width)} | ${row.values.map((value, index) => String(value).padStart(tenants[index]!.length)).join(' | ')} | ${verdict.padEnd(7)} |\n`);
        if (failed) {
            row.examples.slice(0, 3).forEach((example) => write(`|   e.g. ${example}\n`));
        }
    }
}

/** Whether a result has a figure that must be 0 and is not. */
export function hasFailures(result: TortureResult): boolean {
    return result.figures.some((figure) => figure.mustBeZero && figure.value > 0);
}
