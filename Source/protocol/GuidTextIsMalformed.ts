/** Thrown when a text to be put on the wire as a `dolittle.protobuf.Uuid` is not a GUID. */
export class GuidTextIsMalformed extends Error {
    /** Creates the error for the given text. */
    constructor(readonly text: string) {
        super(`The GUID text '${text}' is not of the form 00000000-0000-0000-0000-000000000000`);
        this.name = 'GuidTextIsMalformed';
    }
}
