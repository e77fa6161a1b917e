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
export { eventLogSource, StreamChanges } from './StreamChanges.js';
export { EventIsAlreadyInStream } from './EventIsAlreadyInStream.js';
export { EventIsNotInEventLog } from './EventIsNotInEventLog.js';
export { StoredStreamFilterIsMalformed } from './storedStreamFilter.js';
export { SqliteStreams } from './sqlite/SqliteStreams.js';
export { streamsSqliteMigrations } from './sqlite/migrations.js';
export { PostgresStreams } from './postgres/PostgresStreams.js';
export { streamsPostgresMigrations } from './postgres/migrations.js';
export { sqliteProcessorStateWriter } from './sqlite/sqliteProcessorStateWriter.js';
export { savePostgresProcessorState } from './postgres/savePostgresProcessorState.js';
