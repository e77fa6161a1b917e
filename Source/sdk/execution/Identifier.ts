import { guidTextOf, type GuidLike } from './Guid.js';

/**
 * A GUID that names one kind of thing (a tenant, an event source, an event handler): compared by `value`, printed as
 * its GUID text. Every identifier of the SDK is one of these, as SDK 17's concepts are.
 */
export abstract class Identifier {
    /** The GUID text, lower case. */
    readonly value: string;

    /** Reads the GUID text of the value given; throws GuidIsMalformed naming the kind of identifier. */
    protected constructor(kind: string, value: GuidLike) {
        this.value = guidTextOf(kind, value);
    }

    /** Tells whether another identifier (or GUID text) names the same GUID. */
    equals(other: GuidLike): boolean {
        const text = typeof other === 'string' ? other : String(other.value);
        return text.toLowerCase() === this.value;
    }

    /** The GUID text. */
    toString(): string {
        return this.value;
    }

    /** The GUID text, so that identifiers serialise as SDK 17's concepts do. */
    toJSON(): string {
        return this.value;
    }
}
