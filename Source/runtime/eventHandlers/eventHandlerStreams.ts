import { emptyGuid } from '../guids/index.js';
import type { StreamKey, StreamProcessorKey } from '../streams/index.js';
import type { EventHandlerRegistration } from './EventHandlerRegistration.js';

/** The keys of an event handler's stream and of its two processors (the type filter and the event processor). */
export type EventHandlerStreams = {
    readonly stream: StreamKey;
    readonly filter: StreamProcessorKey;
    readonly processor: StreamProcessorKey;
};

/** The stream an event handler's filter writes (its id) and its processors' keys, as the original Runtime lays them out. */
export function eventHandlerStreams(registration: EventHandlerRegistration): EventHandlerStreams {
    const { scope, eventHandlerId } = registration;
    return {
        stream: { scope, streamId: eventHandlerId, public: false },
        filter: { scope, processorId: eventHandlerId, sourceStreamId: emptyGuid },
        processor: { scope, processorId: eventHandlerId, sourceStreamId: eventHandlerId },
    };
}
