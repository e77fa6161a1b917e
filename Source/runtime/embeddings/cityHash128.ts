// CityHash128 (CityHash 1.1 by Geoff Pike and Jyrki Alakuijala, Google), written from the published algorithm in
// 64-bit unsigned arithmetic on BigInt. It is here only to derive embedding event source ids the way the original
// Runtime does (System.Data.HashFunction.CityHash), so that their aggregates match; see eventSourceIdOfKey.ts.

const mask = (1n << 64n) - 1n;
const k0 = 0xc3a5c85c97cb3127n;
const k1 = 0xb492b66fbe98f273n;
const k2 = 0x9ae16a3b2f90404fn;
const kMul = 0x9ddfea08eb382d69n;

/** A 128-bit hash as its two 64-bit halves, in the order CityHash names them. */
export type Hash128 = { readonly low: bigint; readonly high: bigint };

const add = (...values: ReadonlyArray<bigint>): bigint => values.reduce((sum, value) => (sum + value) & mask, 0n);
const multiply = (a: bigint, b: bigint): bigint => (a * b) & mask;
const rotate = (value: bigint, shift: bigint): bigint => (shift === 0n ? value : ((value >> shift) | (value << (64n - shift))) & mask);
const shiftMix = (value: bigint): bigint => value ^ (value >> 47n);

function hashLength16(u: bigint, v: bigint, multiplier = kMul): bigint {
    let a = multiply(u ^ v, multiplier);
    a ^= a >> 47n;
    let b = multiply(v ^ a, multiplier);
    b ^= b >> 47n;
    return multiply(b, multiplier);
}

/** Reads the bytes the algorithm works on, little-endian, as the reference implementation does on x86. */
class Bytes {
    readonly #view: DataView;

    constructor(readonly bytes: Uint8Array) {
        this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }

    word64(offset: number): bigint {
        return this.#view.getBigUint64(offset, true);
    }

    word32(offset: number): bigint {
        return BigInt(this.#view.getUint32(offset, true));
    }

    byte(offset: number): bigint {
        return BigInt(this.bytes[offset]!);
    }
}

function hashLength0To16(input: Bytes, start: number, length: number): bigint {
    const size = BigInt(length);
    if (length >= 8) {
        const multiplier = add(k2, size * 2n);
        const a = add(input.word64(start), k2);
        const b = input.word64(start + length - 8);
        const c = add(multiply(rotate(b, 37n), multiplier), a);
        const d = multiply(add(rotate(a, 25n), b), multiplier);
        return hashLength16(c, d, multiplier);
    }
    if (length >= 4) {
        const multiplier = add(k2, size * 2n);
        const a = input.word32(start);
        return hashLength16(add(size, a << 3n), input.word32(start + length - 4), multiplier);
    }
    if (length > 0) {
        const y = (input.byte(start) + (input.byte(start + (length >> 1)) << 8n)) & 0xffffffffn;
        const z = (size + (input.byte(start + length - 1) << 2n)) & 0xffffffffn;
        return multiply(shiftMix(multiply(y, k2) ^ multiply(z, k0)), k2);
    }
    return k2;
}

function cityMurmur(input: Bytes, start: number, length: number, seed: Hash128): Hash128 {
    let a = seed.low;
    let b = seed.high;
    let c: bigint;
    let d: bigint;
    if (length <= 16) {
        a = multiply(shiftMix(multiply(a, k1)), k1);
        c = add(multiply(b, k1), hashLength0To16(input, start, length));
        d = shiftMix(add(a, length >= 8 ? input.word64(start) : c));
    } else {
        c = hashLength16(add(input.word64(start + length - 8), k1), a);
        d = hashLength16(add(b, BigInt(length)), add(c, input.word64(start + length - 16)));
        a = add(a, d);
        let offset = start;
        let left = length - 16;
        do {
            a ^= multiply(shiftMix(multiply(input.word64(offset), k1)), k1);
            a = multiply(a, k1);
            b ^= a;
            c ^= multiply(shiftMix(multiply(input.word64(offset + 8), k1)), k1);
            c = multiply(c, k1);
            d ^= c;
            offset += 16;
            left -= 16;
        } while (left > 0);
    }
    a = hashLength16(a, c);
    b = hashLength16(d, b);
    return { low: a ^ b, high: hashLength16(b, a) };
}

function weakHashLength32WithSeeds(input: Bytes, offset: number, seedA: bigint, seedB: bigint): Hash128 {
    const w = input.word64(offset);
    const x = input.word64(offset + 8);
    const y = input.word64(offset + 16);
    const z = input.word64(offset + 24);
    let a = add(seedA, w);
    let b = rotate(add(seedB, a, z), 21n);
    const c = a;
    a = add(a, x, y);
    b = add(b, rotate(a, 44n));
    return { low: add(a, z), high: add(b, c) };
}

function cityHash128WithSeed(input: Bytes, start: number, length: number, seed: Hash128): Hash128 {
    if (length < 128) {
        return cityMurmur(input, start, length, seed);
    }
    let x = seed.low;
    let y = seed.high;
    let z = multiply(BigInt(length), k1);
    let v0 = add(multiply(rotate(y ^ k1, 49n), k1), input.word64(start));
    let v1 = add(multiply(rotate(v0, 42n), k1), input.word64(start + 8));
    let w0 = add(multiply(rotate(add(y, z), 35n), k1), x);
    let w1 = multiply(rotate(add(x, input.word64(start + 88)), 53n), k1);
    let offset = start;
    let left = length;
    const round = (): void => {
        x = multiply(rotate(add(x, y, v0, input.word64(offset + 8)), 37n), k1);
        y = multiply(rotate(add(y, v1, input.word64(offset + 48)), 42n), k1);
        x ^= w1;
        y = add(y, v0, input.word64(offset + 40));
        z = multiply(rotate(add(z, w0), 33n), k1);
        const v = weakHashLength32WithSeeds(input, offset, multiply(v1, k1), add(x, w0));
        const w = weakHashLength32WithSeeds(input, offset + 32, add(z, w1), add(y, input.word64(offset + 16)));
        [v0, v1, w0, w1] = [v.low, v.high, w.low, w.high];
        [z, x] = [x, z];
        offset += 64;
    };
    do {
        round();
        round();
        left -= 128;
    } while (left >= 128);
    x = add(x, multiply(rotate(add(v0, z), 49n), k0));
    y = add(multiply(y, k0), rotate(w1, 37n));
    z = add(multiply(z, k0), rotate(w0, 27n));
    w0 = multiply(w0, 9n);
    v0 = multiply(v0, k0);
    for (let tailDone = 0; tailDone < left;) {
        tailDone += 32;
        y = add(multiply(rotate(add(x, y), 42n), k0), v1);
        w0 = add(w0, input.word64(offset + left - tailDone + 16));
        x = add(multiply(x, k0), w0);
        z = add(z, w1, input.word64(offset + left - tailDone));
        w1 = add(w1, v0);
        const v = weakHashLength32WithSeeds(input, offset + left - tailDone, add(v0, z), v1);
        v0 = multiply(v.low, k0);
        v1 = v.high;
    }
    x = hashLength16(x, v0);
    y = hashLength16(add(y, z), w0);
    return { low: add(hashLength16(add(x, v1), w1), y), high: hashLength16(add(x, w1), add(y, v1)) };
}

/** The 128-bit CityHash (version 1.1) of some bytes. */
export function cityHash128(bytes: Uint8Array): Hash128 {
    const input = new Bytes(bytes);
    if (bytes.length >= 16) {
        return cityHash128WithSeed(input, 16, bytes.length - 16, { low: input.word64(0), high: add(input.word64(8), k0) });
    }
    return cityHash128WithSeed(input, 0, bytes.length, { low: k0, high: k1 });
}
