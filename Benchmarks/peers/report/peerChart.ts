import type { PeerResult } from './PeerResult.js';
import { formatRatio, formatValue } from './peerTable.js';
import { rate } from './ratios.js';

const width = 1_100;
const labelWidth = 300;
const barArea = 440;
const rowHeight = 18;
const scenarioGap = 30;
const colours: Readonly<Record<PeerResult['role'], string>> = { ours: '#2f6db5', peer: '#e07b28', ceiling: '#8a8a8a' };

/** Text made safe for SVG. */
export function escapeXml(text: string): string {
    return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** How good a value is against the best of its scenario, from 0 to 1, whichever way is better. */
function share(value: number, bestValue: number, direction: PeerResult['direction']): number {
    if (!Number.isFinite(value) || value <= 0 || bestValue <= 0) {
        return 0;
    }
    return direction === 'higher' ? value / bestValue : bestValue / value;
}

/**
 * The comparison as an SVG chart, written by hand: a panel per scenario, a bar per system as long as its share of the
 * best value in that scenario (for latency the shortest time is best), labelled with the value and the ratio to the
 * best peer. `caption` says when and where it was measured.
 */
export function peerChart(results: ReadonlyArray<PeerResult>, caption: string): string {
    const rated = rate(results);
    const scenarios = [...new Set(rated.map((result) => result.scenario))];
    const parts: string[] = [];
    let y = 56;
    for (const scenario of scenarios) {
        const rows = rated.filter((result) => result.scenario === scenario);
        const values = rows.map((row) => row.value).filter((value) => Number.isFinite(value) && value > 0);
        const bestValue = values.length === 0 ? 0 : rows[0]!.direction === 'higher' ? Math.max(...values) : Math.min(...values);
        parts.push(`<text x="10" y="${y}" font-weight="bold">${escapeXml(scenario)}${rows[0]!.direction === 'lower' ? ' (lower is better)' : ''}</text>`);
        y += 8;
        for (const row of rows) {
            const length = Math.max(1, Math.round(share(row.value, bestValue, row.direction) * barArea));
            const problems = row.lost + row.duplicated + (row.delivery?.cutShort === true ? 0 : (row.delivery?.missing ?? 0)) + (row.delivery?.duplicates ?? 0) > 0 ? ' ⚠ lost/duplicated' : '';
            parts.push(
                `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeXml(`${row.system} · ${row.backend}`)}</text>`,
                `<rect x="${labelWidth}" y="${y + 2}" width="${length}" height="${rowHeight - 4}" fill="${colours[row.role]}"/>`,
                `<text x="${labelWidth + length + 6}" y="${y + 13}">${escapeXml(`${formatValue(row.value, row.unit)} · ${formatRatio(row.toBestPeer)} best peer${problems}`)}</text>`,
            );
            y += rowHeight;
        }
        y += scenarioGap;
    }
    const legend = (['ours', 'peer', 'ceiling'] as const).map((role, index) =>
        `<rect x="${10 + index * 150}" y="${y - 12}" width="12" height="12" fill="${colours[role]}"/><text x="${28 + index * 150}" y="${y - 2}">${role === 'ours' ? 'our Runtime' : role === 'peer' ? 'peer' : 'raw-driver ceiling'}</text>`).join('');
    const height = y + 10;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
        `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
        `<text x="10" y="22" font-size="16" font-weight="bold">Dolittle Runtime against the peers</text>`,
        `<text x="10" y="40" fill="#555555">${escapeXml(caption)}</text>`,
        ...parts,
        legend,
        '</svg>',
        '',
    ].join('\n');
}
