// The tables behind the GUID conversions, computed once: they keep the per-byte work to array lookups.

const lowercaseHexDigits = '0123456789abcdef';

/** For each wire byte, where its two hex digits start in the 36-character GUID text. */
export const textPositionOfWireByte: Readonly<Uint8Array> = Uint8Array.from(
    // .NET Guid.ToByteArray(): the first group (4 bytes) and the next two (2 bytes each) are little-endian.
    [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15],
    (textByte) => textByte * 2 + (textByte < 4 ? 0 : textByte < 6 ? 1 : textByte < 8 ? 2 : textByte < 10 ? 3 : 4),
);

/** The character codes of the lowercase hex digits of every byte value: the high digit at 2n, the low one at 2n + 1. */
export const hexCodesOfByte: Readonly<Uint8Array> = Uint8Array.from({ length: 512 }, (_, index) => {
    const value = index >> 1;
    return lowercaseHexDigits.charCodeAt(index % 2 === 0 ? value >> 4 : value & 15);
});

/** The value of each hex digit by character code (either case), or -1 for any other character below 128. */
export const valueOfHexDigit: Readonly<Int8Array> = Int8Array.from({ length: 128 }, (_, code) => {
    const digit = lowercaseHexDigits.indexOf(String.fromCharCode(code).toLowerCase());
    return digit;
});

/** The character code of the dashes, at positions 8, 13, 18 and 23 of a GUID text. */
export const dash = '-'.charCodeAt(0);
