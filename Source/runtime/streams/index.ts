export type { StreamDefinition, StreamFilterDefinition } from './StreamDefinition.js';
export type { FilteredEvent, StreamEvent } from './StreamEvent.js';
export { streamKeyText, type StreamKey } from './StreamKey.js';
export { streamProcessorKeyText, type StreamProcessorKey } from './StreamProcessorKey.js';
export {
    initialStreamProcessorState,
    type FailingPartition,
    type PartitionedStreamProcessorState,
    type ProcessingFailure,
    type StreamProcessorState,
    type UnpartitionedStreamProcessorState,
} from './StreamProcessorState.js';
export type { StreamStorage } from './StreamStorage.js';
