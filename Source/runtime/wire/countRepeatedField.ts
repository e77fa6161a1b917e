import { readProtobufField } from './readProtobufField.js';

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
        const read = readProtobufField(bytes, position, end);
        if (read === undefined) {
            return undefined;
        }
        const { field, wireType, valueStart, valueEnd } = read;
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
