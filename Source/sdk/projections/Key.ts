/** The key of one read model of a projection (an event source id, a partition id or a property's value, as text). */
export class Key {
    private constructor(readonly value: string) {}

    /** A key from a Key or any value (its text: numbers and identifiers become their text). */
    static from(key: unknown): Key {
        if (key instanceof Key) {
            return key;
        }
        if (key === undefined || key === null) {
            throw new TypeError(`A projection key must have a value, not ${String(key)}`);
        }
        return new Key(String(key));
    }

    /** Tells whether another key has the same text. */
    equals(other: Key): boolean {
        return this.value === other.value;
    }

    /** The key's text. */
    toString(): string {
        return this.value;
    }

    /** The key's text, so that keys serialise as SDK 17's do. */
    toJSON(): string {
        return this.value;
    }
}
