import { describe, expect, it } from 'vitest';
import { millisecondsToTimestamp, timestampToMilliseconds } from './timestamps.js';

describe('when converting timestamps', () => {
    it('turns milliseconds into seconds and nanos', () => {
        expect(millisecondsToTimestamp(1_700_000_000_123)).toEqual({ seconds: 1_700_000_000, nanos: 123_000_000 });
    });

    it('keeps nanos positive before the epoch', () => {
        expect(millisecondsToTimestamp(-1)).toEqual({ seconds: -1, nanos: 999_000_000 });
    });

    it('round trips milliseconds', () => {
        const values = [0, 1, -1, 999, 1_000, -1_001, 1_700_000_000_123];
        expect(values.map((value) => timestampToMilliseconds(millisecondsToTimestamp(value)))).toEqual(values);
    });

    it('drops sub-millisecond digits', () => {
        expect(timestampToMilliseconds({ seconds: 2, nanos: 1_999_999 })).toBe(2_001);
    });

    it('reads a missing timestamp as undefined', () => {
        expect([timestampToMilliseconds(undefined), timestampToMilliseconds(null)]).toEqual([undefined, undefined]);
    });
});
