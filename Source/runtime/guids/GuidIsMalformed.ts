/** Thrown when a text that should be a GUID is not one. */
export class GuidIsMalformed extends Error {
    /** Creates the error for the named value. */
    constructor(readonly what: string, readonly value: unknown) {
        super(`${what} '${String(value)}' is not a GUID (expected the form 00000000-0000-0000-0000-000000000000)`);
        this.name = 'GuidIsMalformed';
    }
}
