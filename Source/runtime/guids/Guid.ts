import { GuidIsMalformed } from './GuidIsMalformed.js';

/** A GUID in its lowercase textual form, e.g. `445f8ea8-1a6f-40d7-b2fc-796dba92dc44`. */
export type Guid = string & { readonly __guid: unique symbol };

const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The all-zero GUID: the default scope, the event log's stream id and the unspecified partition. */
export const emptyGuid = '00000000-0000-0000-0000-000000000000' as Guid;

/** Tells whether a text is a GUID (any letter case). */
export function isGuid(value: unknown): value is string {
    return typeof value === 'string' && guidPattern.test(value.toLowerCase());
}

/** Parses a GUID from text, naming what it was for in the error when it is not one. */
export function parseGuid(value: unknown, what = 'GUID'): Guid {
    if (!isGuid(value)) {
        throw new GuidIsMalformed(what, value);
    }
    return value.toLowerCase() as Guid;
}

/** Creates a new random GUID. */
export function newGuid(): Guid {
    return crypto.randomUUID() as Guid;
}
