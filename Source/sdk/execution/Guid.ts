import { randomUUID } from 'node:crypto';

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thrown when a text that should be a GUID is not one; names what it was meant to be. */
export class GuidIsMalformed extends Error {
    /** Creates the error for the text given as the named kind of identifier. */
    constructor(readonly kind: string, readonly text: unknown) {
        super(`${kind} '${String(text)}' is not a GUID (expected 8-4-4-4-12 hexadecimal digits, e.g. '${randomUUID()}')`);
        this.name = 'GuidIsMalformed';
    }
}

/** Something that holds a GUID: an identifier of this SDK or of SDK 17 (both expose `value`), or a GUID text. */
export type GuidLike = string | { readonly value: unknown };

/** Reads the GUID text of a string or an identifier object (lower case); throws GuidIsMalformed naming the kind. */
export function guidTextOf(kind: string, value: GuidLike): string {
    const text = typeof value === 'string' ? value : String((value as { value: unknown }).value);
    if (!guidPattern.test(text)) {
        throw new GuidIsMalformed(kind, text);
    }
    return text.toLowerCase();
}

/** A new random GUID text. */
export function newGuidText(): string {
    return randomUUID();
}

/** The GUID of all zeros. */
export const emptyGuid = '00000000-0000-0000-0000-000000000000';
