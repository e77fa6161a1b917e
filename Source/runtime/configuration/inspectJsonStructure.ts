import { JsonPointer } from './JsonPointer.js';

/** The deepest nesting of arrays and objects a configuration file may have; the files need fewer than ten levels. */
export const maximumConfigurationNesting = 64;

/** A place in a JSON text: a JSON pointer and the line and column (from 1) where the value or key starts. */
export type JsonTextPlace = { readonly pointer: string; readonly line: number; readonly column: number };

/** What a scan of a JSON text found that JSON.parse would hide or choke on. */
export type JsonStructure = {
    /** Where the nesting first went deeper than allowed (the scan stops there), if it did. */
    readonly tooDeep: JsonTextPlace | undefined;
    /** Every property written a second time in the same object, exactly (after unescaping), with its name. */
    readonly duplicateKeys: ReadonlyArray<JsonTextPlace & { readonly key: string }>;
};

type Frame = {
    readonly kind: 'object' | 'array';
    readonly pointer: string;
    readonly keys: Set<string>;
    index: number;
    expectingKey: boolean;
    currentKey: string;
};

/**
 * Scans a JSON text without recursion, so any depth is safe: finds where arrays and objects nest deeper than
 * `maximumNesting`, and the properties an object has twice (JSON.parse silently keeps the last). On text that is
 * not valid JSON it still finds the nesting; what it says about keys is then meaningless.
 */
export function inspectJsonStructure(text: string, maximumNesting = maximumConfigurationNesting): JsonStructure {
    const stack: Frame[] = [];
    const duplicates: Array<{ readonly key: string; readonly pointer: string; readonly index: number }> = [];
    let index = 0;
    while (index < text.length) {
        const character = text[index];
        const top = stack.at(-1);
        if (character === '"') {
            const end = endOfString(text, index);
            if (top?.kind === 'object' && top.expectingKey) {
                const key = decodedKey(text.slice(index, end));
                if (top.keys.has(key)) {
                    duplicates.push({ key, pointer: JsonPointer.child(top.pointer, key), index });
                }
                top.keys.add(key);
                top.currentKey = key;
                top.expectingKey = false;
            }
            index = end;
            continue;
        }
        if (character === '{' || character === '[') {
            const pointer = top === undefined ? '' : JsonPointer.child(top.pointer, top.kind === 'array' ? top.index : top.currentKey);
            if (stack.length + 1 > maximumNesting) {
                return { tooDeep: { pointer, ...positionOf(text, index) }, duplicateKeys: [] };
            }
            stack.push({ kind: character === '{' ? 'object' : 'array', pointer, keys: new Set(), index: 0, expectingKey: character === '{', currentKey: '' });
        } else if (character === '}' || character === ']') {
            stack.pop();
        } else if (character === ',' && top !== undefined) {
            if (top.kind === 'array') {
                top.index += 1;
            } else {
                top.expectingKey = true;
            }
        }
        index += 1;
    }
    return {
        tooDeep: undefined,
        duplicateKeys: duplicates.map(({ key, pointer, index: at }) => ({ key, pointer, ...positionOf(text, at) })),
    };
}

/** The index just after the string that starts at `start` (or the end of the text when it is not closed). */
function endOfString(text: string, start: number): number {
    let at = start + 1;
    while (at < text.length) {
        const character = text[at];
        if (character === '\\') {
            at += 2;
            continue;
        }
        if (character === '"') {
            return at + 1;
        }
        at += 1;
    }
    return text.length;
}

function decodedKey(quoted: string): string {
    try {
        return JSON.parse(quoted) as string;
    } catch {
        return quoted.slice(1, -1);
    }
}

function positionOf(text: string, index: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) {
        line += 1;
        lineStart = at + 1;
    }
    return { line, column: index - lineStart + 1 };
}
