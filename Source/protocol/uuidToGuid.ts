import type { dolittle } from './generated/protocol.js';
import { dash, hexCodesOfByte, textPositionOfWireByte } from './guidByteOrder.js';
import { UuidIsMalformed } from './UuidIsMalformed.js';

/** The all-zero GUID text, which a missing Uuid stands for. */
export const emptyGuidText = '00000000-0000-0000-0000-000000000000';

// The text is assembled in one reused buffer: conversion is synchronous, so no two calls ever share it. This halves
// the cost of building the string from pieces, and the result is a flat string (cheap as a Map key).
const text = Buffer.alloc(36);
text[8] = text[13] = text[18] = text[23] = dash;

/** Turns a wire Uuid (.NET `Guid.ToByteArray()` order) into lowercase GUID text; a missing Uuid is the empty GUID. */
export function uuidToGuid(uuid: dolittle.protobuf.Uuid.$Properties | null | undefined): string {
    if (uuid === null || uuid === undefined) {
        return emptyGuidText;
    }
    const bytes = uuid.value;
    if (bytes === null || bytes === undefined || bytes.length !== 16) {
        throw new UuidIsMalformed(bytes?.length ?? 0);
    }
    for (let wireByte = 0; wireByte < 16; wireByte++) {
        const position = textPositionOfWireByte[wireByte]!;
        const digits = bytes[wireByte]! << 1;
        text[position] = hexCodesOfByte[digits]!;
        text[position + 1] = hexCodesOfByte[digits + 1]!;
    }
    return text.toString('latin1', 0, 36);
}
