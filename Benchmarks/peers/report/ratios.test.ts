import { describe, expect, it } from 'vitest';
import type { PeerResult } from './PeerResult.js';
import { rate, timesBetter } from './ratios.js';

const result = (system: string, role: PeerResult['role'], value: number, scenario = 'appends', direction: PeerResult['direction'] = 'higher'): PeerResult => ({
    system, backend: 'postgres', role, scenario, value, unit: direction === 'higher' ? 'events/s' : 'ms', direction,
    acknowledged: 0, stored: 0, lost: 0, duplicated: 0, failed: 0,
});

describe('when rating results against the best peer and the raw ceiling', () => {
    it('divides a throughput by the reference', () => {
        expect(timesBetter(300, 100, 'higher')).toBe(3);
    });

    it('divides the reference by a latency, so that above 1 is better there too', () => {
        expect(timesBetter(2, 100, 'lower')).toBe(50);
    });

    it('gives no ratio without a reference or for a value that was not measured', () => {
        expect([timesBetter(1, undefined, 'higher'), timesBetter(Number.NaN, 1, 'higher'), timesBetter(0, 1, 'lower')]).toEqual([undefined, undefined, undefined]);
    });

    it('takes the best of the peers of the same scenario as the reference', () => {
        const rated = rate([result('ours', 'ours', 400), result('Emmett', 'peer', 200), result('Message DB', 'peer', 100), result('Emmett', 'peer', 10, 'other')]);
        expect(rated.map((entry) => entry.toBestPeer)).toEqual([2, 1, 0.5, 1]);
    });

    it('takes the lowest latency of the peers as the best', () => {
        const rated = rate([result('ours', 'ours', 1, 'latency', 'lower'), result('Emmett', 'peer', 1_000, 'latency', 'lower'), result('Message DB', 'peer', 100, 'latency', 'lower')]);
        expect(rated[0]!.toBestPeer).toBe(100);
    });

    it('rates against the raw ceiling of the same scenario, and gives none where there is no ceiling', () => {
        const rated = rate([result('raw', 'ceiling', 1_000), result('ours', 'ours', 500), result('ours', 'ours', 5, 'other')]);
        expect(rated.map((entry) => entry.toCeiling)).toEqual([1, 0.5, undefined]);
    });
});
