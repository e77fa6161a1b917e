import { readProtobufField } from './readProtobufField.js';

/** A message's bytes taken apart at one repeated field: the message without the field's elements, and the elements. */
export type SplitMessage = {
    /** The message with every element of the field left out (the messages that lead to it keep their other fields). */
    readonly shell: Buffer;
    /** The encoded elements of the field, in order, each ready for its own decoder. */
    readonly elements: ReadonlyArray<Buffer>;
};

/**
 * Takes encoded protobuf bytes apart at a repeated message field, following a path of field numbers through embedded
 * messages (`[2, 4]`: field 4 of the message in field 2), so that a large message can be decoded a few elements at a
 * time instead of in one go. Answers undefined when the bytes cannot be walked (malformed, or deprecated groups), so
 * that the caller decodes them whole and lets the decoder report the problem.
 */
export function splitRepeatedField(bytes: Buffer, path: ReadonlyArray<number>): SplitMessage | undefined {
    const elements: Buffer[] = [];
    const shell = splitIn(bytes, 0, bytes.length, path, 0, elements);
    return shell === undefined ? undefined : { shell: Buffer.concat(shell), elements };
}

// Answers the parts of the shell between start and end, and adds the elements found there.
function splitIn(bytes: Buffer, start: number, end: number, path: ReadonlyArray<number>, depth: number, elements: Buffer[]): Buffer[] | undefined {
    const target = path[depth];
    if (target === undefined) {
        return undefined;
    }
    const last = depth === path.length - 1;
    const parts: Buffer[] = [];
    let position = start;
    while (position < end) {
        const fieldStart = position;
        const read = readProtobufField(bytes, position, end);
        if (read === undefined) {
            return undefined;
        }
        const { field, wireType, keyEnd, valueStart, valueEnd } = read;
        if (field === target && wireType === 2 && last) {
            elements.push(bytes.subarray(valueStart, valueEnd));
        } else if (field === target && wireType === 2) {
            const inner = splitIn(bytes, valueStart, valueEnd, path, depth + 1, elements);
            if (inner === undefined) {
                return undefined;
            }
            const innerLength = inner.reduce((sum, part) => sum + part.length, 0);
            parts.push(bytes.subarray(fieldStart, keyEnd), varint(innerLength), ...inner);
        } else {
            parts.push(bytes.subarray(fieldStart, valueEnd));
        }
        position = valueEnd;
    }
    return parts;
}

function varint(value: number): Buffer {
    const bytes: number[] = [];
    let rest = value;
    while (rest >= 0x80) {
        bytes.push((rest % 0x80) | 0x80);
        rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
    return Buffer.from(bytes);
}
