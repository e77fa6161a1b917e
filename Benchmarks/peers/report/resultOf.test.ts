import { describe, expect, it } from 'vitest';
import type { PeerSystem } from '../PeerSystem.js';
import { resultOf } from './resultOf.js';

const system: PeerSystem = { name: 'Emmett', backend: 'postgres', role: 'peer', version: '0', consumers: ['default'], open: () => Promise.reject(new Error('not here')) };
const measured = { scenario: 'catch-up', value: 10, unit: 'events/s', direction: 'higher' as const, failed: 0 };

describe('when a result counts its events', () => {
    it('counts acknowledged events missing from the store as lost and extra copies as duplicated', () => {
        expect(resultOf(system, measured, [1, 2, 3], [1, 1, 3])).toMatchObject({ acknowledged: 3, stored: 3, lost: 1, duplicated: 1 });
    });

    it('counts only acknowledged events against what the consumer delivered', () => {
        const result = resultOf(system, { ...measured, consumer: 'fast' }, [1, 2, 3], [1, 2, 3], [0, 1, 1, 3, 99]);
        expect([result.system, result.delivery]).toEqual(['Emmett (fast consumer)', { delivered: 2, missing: 1, duplicates: 1 }]);
    });
});

describe('when a consumer was cut short by the time limit', () => {
    it('marks its delivery as cut short', () => {
        expect(resultOf(system, { ...measured, consumer: 'default', cutShort: true }, [1, 2], [1, 2], [1]).delivery).toEqual({ delivered: 1, missing: 1, duplicates: 0, cutShort: true });
    });
});
