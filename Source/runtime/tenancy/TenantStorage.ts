import type { EventLogStorage } from '../eventStore/index.js';
import type { StreamStorage } from '../streams/index.js';

/** A tenant's open event store database: the event logs and the streams, over one backend. */
export type TenantStorage = {
    readonly eventLog: EventLogStorage;
    readonly streams: StreamStorage;
    /** Which store this is, for the start-up log (never a connection string). */
    readonly description: string;
    /** Closes the connections; pending writes finish first. */
    close(): Promise<void>;
};
