import { describe, expect, it } from 'vitest';
import { countDelivery } from './countDelivery.js';

describe('when counting acknowledged events against what was found', () => {
    it('finds nothing wrong when every acknowledged event was found once', () => {
        expect(countDelivery([1, 2, 3], [3, 1, 2])).toEqual({ found: 3, missing: 0, duplicates: 0, unacknowledged: 0 });
    });

    it('counts acknowledged events that were not found as missing', () => {
        expect(countDelivery([1, 2, 3, 4], [1, 4])).toMatchObject({ found: 2, missing: 2 });
    });

    it('counts every extra copy of an event as a duplicate', () => {
        expect(countDelivery([1, 2], [1, 2, 2, 2, 1])).toMatchObject({ found: 5, missing: 0, duplicates: 3 });
    });

    it('counts events found that were never acknowledged apart from missing ones', () => {
        expect(countDelivery([1], [1, 7, 7])).toEqual({ found: 3, missing: 0, duplicates: 1, unacknowledged: 1 });
    });
});
