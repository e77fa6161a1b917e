/** The first syntax error in a JSON text: where it is, what was found there and what was expected. */
export type JsonSyntaxError = {
    readonly line: number;
    readonly column: number;
    readonly found: string;
    readonly expected: string;
};

type Stop = { readonly index: number; readonly expected: string };

const numberPattern = '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?';
const escapes = '"\\/bfnrt';

/**
 * Finds the first syntax error in a JSON text, or nothing when the text is valid JSON. Node's own messages do not
 * always give a position and quote the text around the error, which may hold a secret; this shows one character.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
    try {
        const end = skipWhitespace(text, readValue(text, skipWhitespace(text, 0)));
        if (end < text.length) {
            throw stop(end, 'the end of the file');
        }
        return undefined;
    } catch (error) {
        if (!isStop(error)) {
            throw error;
        }
        return { ...positionOf(text, error.index), found: describeCharacter(text, error.index), expected: error.expected };
    }
}

function readValue(text: string, index: number): number {
    const character = text[index];
    if (character === '{') {
        return readContainer(text, index, '}', (at) => {
            if (text[at] !== '"') {
                throw stop(at, 'a property name in double quotes');
            }
            const afterName = skipWhitespace(text, readString(text, at));
            if (text[afterName] !== ':') {
                throw stop(afterName, "':' after the property name");
            }
            return readValue(text, skipWhitespace(text, afterName + 1));
        });
    }
    if (character === '[') {
        return readContainer(text, index, ']', (at) => readValue(text, at));
    }
    if (character === '"') {
        return readString(text, index);
    }
    for (const literal of ['true', 'false', 'null']) {
        if (text.startsWith(literal, index)) {
            return index + literal.length;
        }
    }
    const number = new RegExp(numberPattern, 'y');
    number.lastIndex = index;
    const match = number.exec(text);
    if (match !== null && match[0].length > 0) {
        return index + match[0].length;
    }
    throw stop(index, 'a value (an object, array, text in double quotes, number, true, false or null)');
}

function readContainer(text: string, index: number, closing: string, readEntry: (at: number) => number): number {
    let at = skipWhitespace(text, index + 1);
    if (text[at] === closing) {
        return at + 1;
    }
    for (;;) {
        at = skipWhitespace(text, readEntry(at));
        if (text[at] === closing) {
            return at + 1;
        }
        if (text[at] !== ',') {
            throw stop(at, `',' or '${closing}'`);
        }
        at = skipWhitespace(text, at + 1);
    }
}

function readString(text: string, index: number): number {
    let at = index + 1;
    for (;;) {
        const character = text[at];
        if (character === undefined) {
            throw stop(at, 'a closing double quote');
        }
        if (character === '"') {
            return at + 1;
        }
        if (character.charCodeAt(0) < 0x20) {
            throw stop(at, 'no line breaks or control characters inside text (write \\n instead)');
        }
        if (character === '\\') {
            const escaped = text[at + 1] ?? '';
            const isUnicode = escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6));
            if (!isUnicode && (escaped === '' || !escapes.includes(escaped))) {
                throw stop(at + 1, 'an escape sequence: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits');
            }
            at += isUnicode ? 6 : 2;
        } else {
            at += 1;
        }
    }
}

function skipWhitespace(text: string, index: number): number {
    let at = index;
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) {
        at += 1;
    }
    return at;
}

function stop(index: number, expected: string): Stop {
    return { index, expected };
}

function isStop(value: unknown): value is Stop {
    return typeof value === 'object' && value !== null && 'index' in value && 'expected' in value;
}

function positionOf(text: string, index: number): { line: number; column: number } {
    const before = text.slice(0, index);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: index - lineStart + 1 };
}

function describeCharacter(text: string, index: number): string {
    const character = text[index];
    if (character === undefined) {
        return 'the end of the file';
    }
    if (character === '\n' || character === '\r') {
        return 'a line break';
    }
    if (character.charCodeAt(0) < 0x20) {
        return 'a control character';
    }
    // A short bare word (a misspelt true, or a missing quote) reads better whole than as its first letter.
    const word = /^[A-Za-z_]{1,12}(?![A-Za-z_])/.exec(text.slice(index, index + 13))?.[0];
    return `'${word ?? character}'`;
}
