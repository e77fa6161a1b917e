import { describe, expect, it } from 'vitest';
import { eventSourceIdOfKey } from './eventSourceIdOfKey.js';

describe('when the event source id of an embedding key is derived', () => {
    it('matches the vector of the original Runtime\'s specification (for_ProjectionKeyToEventSourceIdConverter, a_special_value)', () => {
        expect(eventSourceIdOfKey('this_is the.special key-used for:specifications')).toBe('f5fffaff-66b4-f316-4b4d-54a435b50d2a');
    });
    it('gives the same id for the same key, and different ids for different keys of every length', () => {
        const keys = ['', 'a', 'ab', 'abcd', 'abcdefgh', 'x'.repeat(8), 'x'.repeat(9), 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(200), '👩‍🚀 🚀'];
        const ids = keys.map(eventSourceIdOfKey);
        expect([keys.map(eventSourceIdOfKey), new Set(ids).size, ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))]).toEqual([ids, keys.length, true]);
    });
});
