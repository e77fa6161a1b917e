import { describe, expect, it } from 'vitest';
import type { PeerResult } from './PeerResult.js';
import { formatRatio, formatValue, peerJson, peerTable } from './peerTable.js';

const emmett: PeerResult = {
    system: 'Emmett (fast consumer)', backend: 'postgres', role: 'peer', scenario: 'catch-up', value: 2_000, unit: 'events/s', direction: 'higher',
    acknowledged: 10_000, stored: 10_000, lost: 0, duplicated: 0, failed: 0, delivery: { delivered: 9_500, missing: 500, duplicates: 2 }, note: 'INCOMPLETE',
};
const ours: PeerResult = {
    system: 'Dolittle (lean gRPC)', backend: 'postgres', role: 'ours', scenario: 'catch-up', value: 6_000, unit: 'events/s', direction: 'higher',
    acknowledged: 10_000, stored: 9_990, lost: 10, duplicated: 0, failed: 0, delivery: { delivered: 10_000, missing: 0, duplicates: 0 },
};

describe('when writing the peer table', () => {
    it('formats big rates without decimals and small latencies with two', () => {
        expect([formatValue(12_345.6, 'events/s'), formatValue(1.234, 'ms'), formatValue(Number.NaN, 'ms')]).toEqual(['12,346 events/s', '1.23 ms', '– ms']);
    });

    it('formats ratios with two decimals below ten', () => {
        expect([formatRatio(1.5), formatRatio(64.2), formatRatio(undefined)]).toEqual(['1.50×', '64×', '–']);
    });

    it('names the scenario once and shows each system with its ratio to the best peer', () => {
        const lines = peerTable([emmett, ours]).split('\n');
        expect([lines[2], lines[3]]).toEqual([
            '| catch-up | Emmett (fast consumer) | postgres | 2,000 events/s | 1.00× | – | 10,000 / 10,000 | 9,500, 500 MISSING, 2 TWICE | INCOMPLETE |',
            '|  | Dolittle (lean gRPC) | postgres | 6,000 events/s | 3.00× | – | 10,000 / 9,990, 10 LOST | 10,000 |  |',
        ]);
    });
});

describe('when writing the JSON of the results', () => {
    it('writes an array of records with system, backend, scenario, value, unit, acknowledged and stored', () => {
        const records = JSON.parse(peerJson([emmett])) as ReadonlyArray<Record<string, unknown>>;
        expect(records[0]).toMatchObject({ system: 'Emmett (fast consumer)', backend: 'postgres', scenario: 'catch-up', value: 2_000, unit: 'events/s', acknowledged: 10_000, stored: 10_000 });
    });

    it('keeps what the consumer delivered and the ratio to the best peer beside them', () => {
        const records = JSON.parse(peerJson([emmett, ours])) as ReadonlyArray<Record<string, unknown>>;
        expect(records[1]).toMatchObject({ lost: 10, delivery: { delivered: 10_000, missing: 0, duplicates: 0 }, toBestPeer: 3, toCeiling: null });
    });
});

describe('when a consumer ran out of time while still delivering', () => {
    it('says the events it did not deliver were not reached, rather than missing', () => {
        const cutShort: PeerResult = { ...emmett, delivery: { delivered: 9_500, missing: 500, duplicates: 0, cutShort: true } };
        expect(peerTable([cutShort]).split('\n')[2]).toContain('| 9,500, 500 not reached in time |');
    });
});
