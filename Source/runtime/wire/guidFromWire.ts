import { uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import type { Guid } from '../guids/index.js';
import { RequestIsMalformed } from './RequestIsMalformed.js';

/** Reads a wire Uuid as a GUID (a missing one is the empty GUID); a malformed one names the field. */
export function guidFromWire(uuid: dolittle.protobuf.Uuid.$Properties | null | undefined, field: string): Guid {
    try {
        return uuidToGuid(uuid) as Guid;
    } catch (error) {
        throw new RequestIsMalformed(field, error instanceof Error ? error.message : String(error), { cause: error });
    }
}
