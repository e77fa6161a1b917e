import type { EventLogStorage } from '../../eventStore/index.js';
import type { StreamStorage } from '../StreamStorage.js';

/** A backend's streams over a fresh database, with the event log its streams reference. */
export type StreamStorageUnderTest = {
    readonly streams: StreamStorage;
    readonly eventLog: EventLogStorage;
    close(): Promise<void>;
};
