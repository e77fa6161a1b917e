/** Builds and splits JSON pointers (RFC 6901), escaping `~` and `/` in property names. */
export const JsonPointer = {
    /** The pointer to a child of the value at a pointer. */
    child(pointer: string, name: string | number): string {
        return `${pointer}/${String(name).replaceAll('~', '~0').replaceAll('/', '~1')}`;
    },
    /** The unescaped property names of a pointer, from the top. */
    segments(pointer: string): ReadonlyArray<string> {
        return pointer === '' ? [] : pointer.slice(1).split('/').map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
    },
    /** The value a pointer points at, or undefined. */
    valueAt(value: unknown, pointer: string): unknown {
        let current = value;
        for (const segment of JsonPointer.segments(pointer)) {
            if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) {
                return undefined;
            }
            current = (current as Record<string, unknown>)[segment];
        }
        return current;
    },
};
