/**
 * Tells whether two JSON texts hold the same value, as the original compares JSON tokens: objects equal whatever the
 * order of their properties, numbers by value. Text that is not JSON equals only the same text.
 */
export function statesAreEqual(left: string, right: string): boolean {
    return canonicalState(left) === canonicalState(right);
}

/** One text for every way of writing the same JSON value (properties sorted), for comparing and remembering states. */
export function canonicalState(text: string): string {
    try {
        return JSON.stringify(sortedValue(JSON.parse(text)));
    } catch {
        return text;
    }
}

function sortedValue(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(sortedValue);
    }
    if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value as Record<string, unknown>).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
        return Object.fromEntries(entries.map(([key, inner]) => [key, sortedValue(inner)]));
    }
    return value;
}
