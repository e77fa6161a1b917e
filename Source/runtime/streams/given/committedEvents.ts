import type { CommittedEvent, EventLogStorage } from '../../eventStore/index.js';
import { newGuid, type Guid } from '../../guids/index.js';
import type { FilteredEvent } from '../StreamEvent.js';

/**
 * Commits `count` events to the end of a scope's event log and returns them as committed. Every third event is
 * an aggregate event and every fifth came over the Event Horizon, so reads must bring back every field.
 */
export async function commitEvents(eventLog: EventLogStorage, scope: Guid, count: number): Promise<ReadonlyArray<CommittedEvent>> {
    const first = await eventLog.nextSequenceNumber(scope);
    const eventSourceId = newGuid();
    const events = Array.from({ length: count }, (_, index) => committedEvent(first + index, eventSourceId));
    await eventLog.append(scope, events, []);
    return events;
}

/** The events as a filter would choose them, each in the given partition (or one per event source when not given). */
export function filtered(events: ReadonlyArray<CommittedEvent>, partition?: (event: CommittedEvent, index: number) => Guid): ReadonlyArray<FilteredEvent> {
    return events.map((event, index) => ({ partition: partition?.(event, index) ?? event.eventSourceId, event }));
}

function committedEvent(sequenceNumber: number, eventSourceId: Guid): CommittedEvent {
    return {
        sequenceNumber,
        occurred: 1_700_000_000_000 + sequenceNumber * 1_001,
        eventSourceId,
        executionContext: {
            microserviceId: newGuid(),
            tenantId: newGuid(),
            version: { major: 1, minor: 2, patch: 3, build: 4, preRelease: 'beta' },
            correlationId: newGuid(),
            claims: [{ key: 'role', value: 'chef', valueType: 'string' }],
            environment: 'Development',
        },
        type: { id: newGuid(), generation: sequenceNumber % 3 },
        public: sequenceNumber % 2 === 0,
        content: JSON.stringify({ sequenceNumber, dish: `Dish number ${sequenceNumber}`, ingredients: ['æøå', '"quoted"'] }),
        aggregate: sequenceNumber % 3 === 0 ? { aggregateRootId: newGuid(), version: sequenceNumber } : undefined,
        external: sequenceNumber % 5 === 0
            ? { externalSequenceNumber: sequenceNumber + 1_000, received: 1_700_000_500_000 + sequenceNumber, consentId: newGuid() }
            : undefined,
    };
}
