import { emptyGuid, newGuid } from '../../guids/index.js';
import type { StreamKey } from '../StreamKey.js';
import type { StreamProcessorKey } from '../StreamProcessorKey.js';

/** A new private stream in the default scope, unless told otherwise. */
export function newStreamKey(overrides: Partial<StreamKey> = {}): StreamKey {
    return { scope: emptyGuid, streamId: newGuid(), public: false, ...overrides };
}

/** A new processor reading the default scope's event log, unless told otherwise. */
export function newProcessorKey(overrides: Partial<StreamProcessorKey> = {}): StreamProcessorKey {
    return { scope: emptyGuid, processorId: newGuid(), sourceStreamId: emptyGuid, ...overrides };
}
