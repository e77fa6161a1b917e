import type { PeerResult } from './PeerResult.js';
import { rate, type RatedResult } from './ratios.js';

const count = (value: number) => value.toLocaleString('en-US');

/** A value with its unit: big rates without decimals, small ones and milliseconds with a few. */
export function formatValue(value: number, unit: string): string {
    if (!Number.isFinite(value)) {
        return `– ${unit}`;
    }
    const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

export function formatRatio(ratio: number | undefined): string {
    return ratio === undefined ? '–' : `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
}

/** Acknowledged against stored, and what went wrong, e.g. "1,000 / 1,000" or "1,000 / 990, 10 LOST". */
function eventCounts(result: RatedResult): string {
    const problems = [
        result.lost > 0 ? `${count(result.lost)} LOST` : '',
        result.duplicated > 0 ? `${count(result.duplicated)} DUPLICATED` : '',
        result.failed > 0 ? `${count(result.failed)} failed` : '',
    ].filter((text) => text !== '');
    return `${count(result.acknowledged)} / ${count(result.stored)}${problems.length === 0 ? '' : `, ${problems.join(', ')}`}`;
}

function deliveryCounts(result: RatedResult): string {
    if (result.delivery === undefined) {
        return '';
    }
    const { delivered, missing, duplicates, cutShort } = result.delivery;
    const notDelivered = missing === 0 ? '' : cutShort === true ? `, ${count(missing)} not reached in time` : `, ${count(missing)} MISSING`;
    return `${count(delivered)}${notDelivered}${duplicates > 0 ? `, ${count(duplicates)} TWICE` : ''}`;
}

const header = ['scenario', 'system', 'backend', 'value', '× best peer', '× raw ceiling', 'acknowledged / stored', 'consumer delivered', 'note'];

/**
 * The comparison as one Markdown table: a row per result, grouped by scenario in the order they ran, with the ratios
 * to the best peer and to the raw ceiling (how many times better; above 1 is better, for latency too).
 */
export function peerTable(results: ReadonlyArray<PeerResult>): string {
    const rated = rate(results);
    const scenarios = [...new Set(rated.map((result) => result.scenario))];
    const rows = scenarios.flatMap((scenario) => rated.filter((result) => result.scenario === scenario).map((result, index) => [
        index === 0 ? scenario : '',
        result.system,
        result.backend,
        formatValue(result.value, result.unit),
        formatRatio(result.toBestPeer),
        formatRatio(result.toCeiling),
        eventCounts(result),
        deliveryCounts(result),
        (result.note ?? '').replaceAll('|', '/'),
    ]));
    const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
    return `${lines.join('\n')}\n`;
}

/** The results as the JSON of --json: an array of {system, backend, scenario, value, unit, acknowledged, stored, ...}. */
export function peerJson(results: ReadonlyArray<PeerResult>): string {
    return `${JSON.stringify(rate(results).map((result) => ({
        system: result.system,
        backend: result.backend,
        scenario: result.scenario,
        value: result.value,
        unit: result.unit,
        acknowledged: result.acknowledged,
        stored: result.stored,
        role: result.role,
        lost: result.lost,
        duplicated: result.duplicated,
        failed: result.failed,
        ...(result.delivery === undefined ? {} : { delivery: result.delivery }),
        toBestPeer: result.toBestPeer ?? null,
        toCeiling: result.toCeiling ?? null,
        ...(result.note === undefined ? {} : { note: result.note }),
    })), undefined, 2)}\n`;
}
