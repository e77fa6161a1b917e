/** Where one field of encoded protobuf bytes lies: its number, its wire type, and its value's bounds. */
export type ProtobufField = {
    readonly field: number;
    readonly wireType: number;
    /** Where the key ends: the field's length prefix, if it has one, or else its value starts there. */
    readonly keyEnd: number;
    /** Where the value starts: after the key, and for a length-delimited field after its length. */
    readonly valueStart: number;
    /** Where the next field starts. */
    readonly valueEnd: number;
};

/**
 * Reads the key of the field that starts at `start` and finds where its value lies, without decoding the value.
 * Answers undefined when the bytes cannot be walked: the field runs past `end`, or is a deprecated group.
 */
export function readProtobufField(bytes: Uint8Array, start: number, end: number): ProtobufField | undefined {
    const key = readVarint(bytes, start, end);
    if (key === undefined) {
        return undefined;
    }
    const field = Math.floor(key.value / 8);
    const wireType = key.value % 8;
    let valueStart = key.next;
    let valueEnd: number;
    if (wireType === 0) {
        const value = readVarint(bytes, key.next, end);
        if (value === undefined) {
            return undefined;
        }
        valueEnd = value.next;
    } else if (wireType === 1) {
        valueEnd = key.next + 8;
    } else if (wireType === 5) {
        valueEnd = key.next + 4;
    } else if (wireType === 2) {
        const length = readVarint(bytes, key.next, end);
        if (length === undefined) {
            return undefined;
        }
        valueStart = length.next;
        valueEnd = valueStart + length.value;
    } else {
        return undefined;
    }
    return valueEnd > end ? undefined : { field, wireType, keyEnd: key.next, valueStart, valueEnd };
}

/** Reads the varint that starts at `start`, or answers undefined when it runs past `end` or over ten bytes. */
export function readVarint(bytes: Uint8Array, start: number, end: number): { readonly value: number; readonly next: number } | undefined {
    let value = 0;
    let multiplier = 1;
    for (let position = start; position < end && position < start + 10; position++) {
        const byte = bytes[position]!;
        value += (byte & 0x7f) * multiplier;
        if (byte < 0x80) {
            return { value, next: position + 1 };
        }
        multiplier *= 128;
    }
    return undefined;
}
