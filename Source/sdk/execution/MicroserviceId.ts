import { emptyGuid, newGuidText, type GuidLike } from './Guid.js';
import { Identifier } from './Identifier.js';

/** Identifies the microservice a head belongs to. */
export class MicroserviceId extends Identifier {
    /** The microservice id of a head that has not said which microservice it is. */
    static readonly notApplicable = new MicroserviceId(emptyGuid);

    private constructor(value: GuidLike) {
        super('MicroserviceId', value);
    }

    /** Reads a microservice id from a GUID text or an identifier; throws GuidIsMalformed when it is not a GUID. */
    static from(value: GuidLike): MicroserviceId {
        return value instanceof MicroserviceId ? value : new MicroserviceId(value);
    }

    /** A new random microservice id. */
    static new(): MicroserviceId {
        return new MicroserviceId(newGuidText());
    }
}
