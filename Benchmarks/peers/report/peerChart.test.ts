import { describe, expect, it } from 'vitest';
import type { PeerResult } from './PeerResult.js';
import { escapeXml, peerChart } from './peerChart.js';

const result = (system: string, role: PeerResult['role'], value: number, scenario: string, direction: PeerResult['direction'] = 'higher'): PeerResult => ({
    system, backend: 'postgres', role, scenario, value, unit: direction === 'higher' ? 'events/s' : 'ms', direction,
    acknowledged: 1, stored: 1, lost: 0, duplicated: 0, failed: 0,
});
const barWidths = (svg: string) => [...svg.matchAll(/<rect x="300" y="\d+" width="(\d+)"/g)].map((match) => Number(match[1]));

describe('when drawing the peer chart', () => {
    const svg = peerChart([
        result('ours', 'ours', 400, 'appends'),
        result('Emmett', 'peer', 100, 'appends'),
        result('ours', 'ours', 2, 'latency', 'lower'),
        result('Emmett', 'peer', 1_000, 'latency', 'lower'),
    ], 'a caption <with> & marks');

    it('is one SVG document', () => {
        expect([svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.trimEnd().endsWith('</svg>')]).toEqual([true, true]);
    });

    it('draws the best value of each scenario full length and the others as their share of it', () => {
        expect(barWidths(svg)).toEqual([440, 110, 440, 1]);
    });

    it('says which scenarios are better lower', () => {
        expect(svg).toContain('latency (lower is better)');
    });

    it('escapes text', () => {
        expect([svg.includes('a caption &lt;with&gt; &amp; marks'), escapeXml('"<&>"')]).toEqual([true, '&quot;&lt;&amp;&gt;&quot;']);
    });
});
