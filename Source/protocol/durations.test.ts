import { describe, expect, it } from 'vitest';
import { durationToMilliseconds, millisecondsToDuration } from './durations.js';

describe('when converting durations', () => {
    it('reads the SDK ping interval of one second as 1000 milliseconds', () => {
        expect(durationToMilliseconds({ seconds: 1, nanos: 0 })).toBe(1_000);
    });

    it('reads nanos as fractions of milliseconds', () => {
        expect(durationToMilliseconds({ seconds: 0, nanos: 1_500_000 })).toBe(1.5);
    });

    it('reads a missing duration as undefined', () => {
        expect([durationToMilliseconds(undefined), durationToMilliseconds(null)]).toEqual([undefined, undefined]);
    });

    it('writes seconds and nanos with the same sign', () => {
        expect([millisecondsToDuration(10_250), millisecondsToDuration(-1_500)])
            .toEqual([{ seconds: 10, nanos: 250_000_000 }, { seconds: -1, nanos: -500_000_000 }]);
    });
});
