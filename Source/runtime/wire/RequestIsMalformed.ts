/** Thrown when a request's field cannot be read (e.g. a Uuid that is not 16 bytes); names the field. */
export class RequestIsMalformed extends Error {
    /** Creates the error naming the field and what was wrong with it. */
    constructor(readonly field: string, detail: string, options?: { cause?: unknown }) {
        super(`The request's field '${field}' is malformed: ${detail}`, options);
        this.name = 'RequestIsMalformed';
    }
}
