import { dash, textPositionOfWireByte, valueOfHexDigit } from './guidByteOrder.js';
import { GuidTextIsMalformed } from './GuidTextIsMalformed.js';

/** A wire Uuid as a plain object, ready to be encoded. */
export type WireUuid = { readonly value: Uint8Array };

/** Turns GUID text (either case) into a wire Uuid with its bytes in .NET `Guid.ToByteArray()` order. */
export function guidToUuid(text: string): WireUuid {
    if (text.length !== 36 || text.charCodeAt(8) !== dash || text.charCodeAt(13) !== dash
        || text.charCodeAt(18) !== dash || text.charCodeAt(23) !== dash) {
        throw new GuidTextIsMalformed(text);
    }
    const value = Buffer.allocUnsafe(16);
    for (let wireByte = 0; wireByte < 16; wireByte++) {
        const position = textPositionOfWireByte[wireByte]!;
        const high = valueOfHexDigit[text.charCodeAt(position)] ?? -1;
        const low = valueOfHexDigit[text.charCodeAt(position + 1)] ?? -1;
        if ((high | low) < 0) {
            throw new GuidTextIsMalformed(text);
        }
        value[wireByte] = (high << 4) | low;
    }
    return { value };
}
