/**
 * Counts the occurrences of a field in encoded protobuf bytes without decoding the message, following a path of
 * field numbers through embedded messages: `[2, 4]` counts field 4 of the message in field 2. Lets a service refuse
 * an oversized request before the decoder builds an object for each of its elements. Answers undefined when the
 * bytes cannot be walked (malformed, or deprecated groups), so that the caller decodes as usual and lets the
 * decoder report the problem.
 */
export function countRepeatedField(bytes: Uint8Array, path: ReadonlyArray<number>): number | undefined {
    return countIn(bytes, 0, bytes.length, path, 0);
}

function countIn(bytes: Uint8Array, start: number, end: number, path: ReadonlyArray<number>, depth: number): number | undefined {
    const target = path[depth];
    if (target === undefined) {
        return undefined;
    }
    const last = depth === path.length - 1;
    let count = 0;
    let position = start;
    while (position < end) {
        const key = readVarint(bytes, position, end);
        if (key === undefined) {
            return undefined;
        }
        position = key.next;
        const field = Math.floor(key.value / 8);
        const wireType = key.value % 8;
        let valueStart = position;
        let valueEnd: number;
        if (wireType === 0) {
            const value = readVarint(bytes, position, end);
            if (value === undefined) {
                return undefined;
            }
            valueEnd = value.next;
        } else if (wireType === 1) {
            valueEnd = position + 8;
        } else if (wireType === 5) {
            valueEnd = position + 4;
        } else if (wireType === 2) {
            const length = readVarint(bytes, position, end);
            if (length === undefined) {
                return undefined;
            }
            valueStart = length.next;
            valueEnd = valueStart + length.value;
        } else {
            return undefined;
        }
        if (valueEnd > end) {
            return undefined;
        }
        if (field === target) {
            if (last) {
                count++;
            } else if (wireType === 2) {
                // A repeated embedded message may arrive in parts: protobuf merges them, so their counts add up.
                const inner = countIn(bytes, valueStart, valueEnd, path, depth + 1);
                if (inner === undefined) {
                    return undefined;
                }
                count += inner;
            }
        }
        position = valueEnd;
    }
    return count;
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
