import type { EventLogStorage } from '../eventStore/index.js';
import { emptyGuid, type Guid } from '../guids/index.js';
import { eventLogSource } from '../streams/index.js';
import type { StreamSource } from './StreamSource.js';

/** A scope's event log as a stream: positions are sequence numbers and every event is in the empty partition. */
export function eventLogSourceFor(eventLog: EventLogStorage, scope: Guid): StreamSource {
    return {
        changes: eventLogSource(scope),
        length: () => eventLog.nextSequenceNumber(scope),
        async read(fromPosition, limit) {
            const events = await eventLog.read(scope, fromPosition, limit);
            return events.map((event) => ({ position: event.sequenceNumber, partition: emptyGuid, event }));
        },
        async readPartition(partition, fromPosition, beforePosition, limit) {
            // An empty range must not reach the store: a negative limit means no limit in SQLite and an error in PostgreSQL.
            if (partition !== emptyGuid || beforePosition <= fromPosition) {
                return [];
            }
            const events = await eventLog.read(scope, fromPosition, Math.min(limit, beforePosition - fromPosition));
            return events.map((event) => ({ position: event.sequenceNumber, partition: emptyGuid, event }));
        },
    };
}
