import { parseGuid, type Guid } from '../guids/index.js';

/** The id of a microservice: the Runtime's own one comes from bounded-context.json. */
export type MicroserviceId = Guid & { readonly __microservice: unique symbol };

/** Microservice ids with a documented meaning. */
export const MicroserviceId = {
    /** The Runtime's microservice id in the development defaults. */
    development: 'f39b1f61-d360-4675-b859-53c05c87c0e6' as MicroserviceId,
    /** Parses a microservice id from text. */
    from(value: unknown): MicroserviceId {
        return parseGuid(value, 'Microservice id') as MicroserviceId;
    },
};
