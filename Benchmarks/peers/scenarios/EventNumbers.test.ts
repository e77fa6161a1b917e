import { describe, expect, it } from 'vitest';
import { EventNumbers, withinRange } from './EventNumbers.js';

describe('when handing out event numbers', () => {
    it('hands out consecutive numbers that no two takes share', () => {
        const numbers = new EventNumbers();
        expect([numbers.take(3), numbers.take(2), numbers.mark]).toEqual([[1, 2, 3], [4, 5], 6]);
    });

    it('keeps the numbers of one range', () => {
        expect(withinRange([1, 5, 9, 5, 12], 5, 12)).toEqual([5, 9, 5]);
    });
});
