import { emptyGuid } from '../guids/index.js';
import type { StreamKey, StreamProcessorKey } from '../streams/index.js';
import type { FilterRegistration } from './FilterRegistration.js';

/** The stream a filter writes (its id; public filters write a public stream) and its processor's key. */
export function filterStreams(registration: FilterRegistration): { readonly stream: StreamKey; readonly processor: StreamProcessorKey } {
    const { scope, filterId, kind } = registration;
    return {
        stream: { scope, streamId: filterId, public: kind === 'public' },
        processor: { scope, processorId: filterId, sourceStreamId: emptyGuid },
    };
}

/** Whether the stream of a kind of filter is partitioned. */
export function isPartitioned(registration: FilterRegistration): boolean {
    return registration.kind !== 'unpartitioned';
}
