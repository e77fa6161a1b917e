import { isGuid, type Guid } from '../guids/index.js';
import type { StreamFilterDefinition } from './StreamDefinition.js';
import { streamKeyText, type StreamKey } from './StreamKey.js';

/** Thrown when a stored stream definition's filter is not one the Runtime writes (for instance after a hand edit). */
export class StoredStreamFilterIsMalformed extends Error {
    /** Creates the error for the stream whose stored filter is malformed. */
    constructor(readonly key: StreamKey, readonly value: unknown) {
        super(
            `The stored filter of stream '${streamKeyText(key)}' is ${JSON.stringify(value)}; ` +
                `expected {"kind":"eventTypes","types":[<GUID>, ...]} or {"kind":"remote"}`,
        );
        this.name = 'StoredStreamFilterIsMalformed';
    }
}

/** The JSON document a stream filter definition is stored as (the same shape as the definition). */
export function streamFilterToStored(filter: StreamFilterDefinition): object {
    return filter.kind === 'eventTypes' ? { kind: 'eventTypes', types: [...filter.types] } : { kind: 'remote' };
}

/** Reads a stored stream filter document back, checking its shape. */
export function streamFilterFromStored(key: StreamKey, value: unknown): StreamFilterDefinition {
    if (typeof value === 'object' && value !== null && 'kind' in value) {
        if (value.kind === 'remote') {
            return { kind: 'remote' };
        }
        if (value.kind === 'eventTypes' && 'types' in value && Array.isArray(value.types) && value.types.every(isGuid)) {
            return { kind: 'eventTypes', types: value.types.map((type: string) => type.toLowerCase() as Guid) };
        }
    }
    throw new StoredStreamFilterIsMalformed(key, value);
}
