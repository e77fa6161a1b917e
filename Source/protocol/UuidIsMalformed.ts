/** Thrown when a `dolittle.protobuf.Uuid` on the wire does not hold exactly 16 bytes. */
export class UuidIsMalformed extends Error {
    /** Creates the error for a Uuid whose `value` had the given number of bytes. */
    constructor(readonly length: number) {
        super(`The Uuid field 'value' holds ${length} bytes (expected 16 bytes in .NET Guid.ToByteArray() order)`);
        this.name = 'UuidIsMalformed';
    }
}
