import { describe, expect, it } from 'vitest';
import type { Guid } from '../guids/index.js';
import type { AggregateVersionChange } from './AggregateKey.js';
import { AggregateVersionCache, maximumCachedAggregates } from './AggregateVersionCache.js';

const root = 'e6a4f5c2-8b3c-4c9b-b1f5-2f6c3c9a7d10' as Guid;
const source = (number: number) => `00000000-0000-0000-0000-${number.toString().padStart(12, '0')}` as Guid;
const key = (number: number) => `${source(number)}/${root}`;
const move = (number: number, expectedVersion: number, newVersion: number): AggregateVersionChange => ({ eventSourceId: source(number), aggregateRootId: root, expectedVersion, newVersion });

describe('an aggregate version cache', () => {
    it('holds 100,000 aggregates unless told otherwise', () => {
        expect([new AggregateVersionCache().capacity, maximumCachedAggregates]).toEqual([100_000, 100_000]);
    });

    it('refuses a capacity below one, naming it', () => {
        expect(() => new AggregateVersionCache(0)).toThrow('at least one aggregate, not 0');
    });

    describe('filled past its capacity', () => {
        const cache = new AggregateVersionCache(3);
        cache.remember([
            [key(1), 1],
            [key(2), 2],
            [key(3), 3],
        ]);
        cache.versionOf(key(1));
        cache.applyCommitted([move(4, 0, 4)]);

        it('keeps no more than its capacity', () => {
            expect(cache.size).toBe(3);
        });

        it('forgets the least recently used aggregate', () => {
            expect([1, 2, 3, 4].map((number) => cache.versionOf(key(number)))).toEqual([1, undefined, 3, 4]);
        });
    });

    describe('when a batch commits', () => {
        const cache = new AggregateVersionCache(10);
        cache.remember([[key(1), 2]]);
        cache.applyCommitted([move(1, 2, 5), move(2, 0, 1)]);

        it('says the versions the batch moved its aggregates to', () => {
            expect([cache.versionOf(key(1)), cache.versionOf(key(2))]).toEqual([5, 1]);
        });
    });

    describe('when a batch whose outcome is unknown is forgotten', () => {
        const cache = new AggregateVersionCache(10);
        cache.remember([
            [key(1), 2],
            [key(3), 7],
        ]);
        cache.forget([move(1, 2, 5)]);

        it('no longer knows the batch\'s aggregates, and still knows the others', () => {
            expect([cache.versionOf(key(1)), cache.versionOf(key(3))]).toEqual([undefined, 7]);
        });
    });

    describe('filled with 100,000 aggregates and used 100,000 times more', () => {
        const cache = new AggregateVersionCache();
        for (let number = 0; number < 200_000; number++) {
            cache.applyCommitted([move(number, 0, 1)]);
        }

        it('keeps the newest 100,000', () => {
            expect([cache.size, cache.versionOf(key(99_999)), cache.versionOf(key(100_000)), cache.versionOf(key(199_999))]).toEqual([100_000, undefined, 1, 1]);
        });
    });
});
