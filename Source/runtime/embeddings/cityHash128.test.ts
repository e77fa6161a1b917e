import { describe, expect, it } from 'vitest';
import { cityHash128 } from './cityHash128.js';

// The known values of System.Data.HashFunction's CityHash tests (the library the original Runtime derives embedding
// event source ids with), as the hash's bytes in hex: the low 64 bits then the high 64 bits, little-endian.
const lorem = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.  Ut ornare aliquam mauris, at volutpat massa.  Phasellus pulvinar purus eu venenatis commodo.';
const knownValues: ReadonlyArray<readonly [string, Buffer, string]> = [
    ['nothing', Buffer.alloc(0), '2b9ac064fc9df03d291ee592c340b53c'],
    ['"foobar"', Buffer.from('foobar'), '5064c017cf2c1672daa1f13a15b78c98'],
    ['3 bytes', Buffer.from(lorem.slice(0, 3)), '8b5529b80301a1c414cc313959fd5255'],
    ['8 bytes', Buffer.from('55d0e01ec669dc69', 'hex'), '67cbf6f803487e7e09bffce371172c13'],
    ['23 bytes', Buffer.from(lorem.slice(0, 23)), '658f52c24d66d71d844823de90c3d9ac'],
    ['64 bytes', Buffer.from(lorem.slice(0, 64)), '50e89788e0dbb5d6784fbcbdf57264d1'],
    [
        '127 bytes',
        Buffer.from('1122eeba86d52989b26b0efd2be8d091d3ad307b771ff8d1208104f9aa40b12ab057a0d78656ba037e475178c159bf3ee64dcd279610d64bb7888a97211884c7a894378263135124720ef6ef560da6c85fb491cb732b331e89bcb00e7daef271e127483e91b189ceeaf2f6711394e2eca07fb4db62c5a8fd8195ae3b39da63', 'hex'),
        '98999f077f446a5ee962148d86279ea0',
    ],
    ['150 bytes (the path for 144 bytes and more)', Buffer.from(lorem), '31dd5cb57a6c29dc0826565eeb0cf6a4'],
];

describe('when the 128-bit CityHash of some bytes is computed', () => {
    for (const [what, bytes, expected] of knownValues) {
        it(`matches System.Data.HashFunction's known value for ${what}`, () => {
            const hash = cityHash128(bytes);
            const output = Buffer.alloc(16);
            output.writeBigUInt64LE(hash.low, 0);
            output.writeBigUInt64LE(hash.high, 8);
            expect(output.toString('hex')).toBe(expected);
        });
    }
});
