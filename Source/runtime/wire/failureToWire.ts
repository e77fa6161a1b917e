import { guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import type { Failure } from '../failures/index.js';

/** Writes a failure for the wire. */
export function failureToWire(failure: Failure): dolittle.protobuf.Failure.$Properties {
    return { id: guidToUuid(failure.id), reason: failure.reason };
}
