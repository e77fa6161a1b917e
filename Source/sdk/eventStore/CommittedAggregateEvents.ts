import { timestampToMilliseconds, uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import { EventType } from '../artifacts/EventType.js';
import type { EventTypes } from '../artifacts/EventTypes.js';
import { ExecutionContext } from '../execution/ExecutionContext.js';
import { AggregateRootId } from './AggregateRootId.js';
import { EventSourceId } from './EventSourceId.js';

type WireCommittedAggregateEvents = dolittle.runtime.events.CommittedAggregateEvents.$Properties;

/** One event of an aggregate, with the aggregate version it made. */
export type CommittedAggregateEvent = {
    readonly eventLogSequenceNumber: number;
    readonly occurred: Date;
    readonly eventSourceId: EventSourceId;
    readonly aggregateRootId: AggregateRootId;
    /** The aggregate's version after this event (1 after its first event). */
    readonly aggregateRootVersion: number;
    readonly executionContext: ExecutionContext;
    readonly type: EventType;
    readonly content: unknown;
    readonly isPublic: boolean;
};

/** The events of one aggregate (an aggregate root and an event source), in order, with the aggregate's version. */
export class CommittedAggregateEvents {
    /** Creates the events of an aggregate at a version. */
    constructor(
        readonly eventSourceId: EventSourceId,
        readonly aggregateRootId: AggregateRootId,
        /** The aggregate's version: how many events it has. */
        readonly aggregateRootVersion: number,
        readonly events: ReadonlyArray<CommittedAggregateEvent>,
    ) {}

    /** Tells whether there are any events. */
    get hasEvents(): boolean {
        return this.events.length > 0;
    }

    /** The number of events. */
    get length(): number {
        return this.events.length;
    }

    /** The events, in order. */
    [Symbol.iterator](): Iterator<CommittedAggregateEvent> {
        return this.events[Symbol.iterator]();
    }

    /** The events as an array. */
    toArray(): CommittedAggregateEvent[] {
        return [...this.events];
    }

    /**
     * Reads the wire's CommittedAggregateEvents. The wire's version field is 0-based and cannot tell no events from one,
     * so the aggregate's version (its number of events) is given: for a fetch, the number of events fetched; for a commit,
     * the expected version plus the events committed.
     */
    static fromWire(wire: WireCommittedAggregateEvents | null | undefined, eventTypes: EventTypes, fallback: { eventSourceId: EventSourceId; aggregateRootId: AggregateRootId }, versionAfter?: number): CommittedAggregateEvents {
        const eventSourceId = wire?.eventSourceId ? EventSourceId.from(uuidToGuid(wire.eventSourceId)) : fallback.eventSourceId;
        const aggregateRootId = wire?.aggregateRootId ? AggregateRootId.from(uuidToGuid(wire.aggregateRootId)) : fallback.aggregateRootId;
        const wireEvents = wire?.events ?? [];
        const version = versionAfter ?? wireEvents.length;
        const first = version - wireEvents.length;
        const events = wireEvents.map((event, index): CommittedAggregateEvent => {
            const type = EventType.fromWire(event.type);
            return {
                eventLogSequenceNumber: Number(event.eventLogSequenceNumber ?? 0),
                occurred: new Date(timestampToMilliseconds(event.occurred) ?? 0),
                eventSourceId,
                aggregateRootId,
                aggregateRootVersion: first + index + 1,
                executionContext: ExecutionContext.fromWire(event.executionContext),
                type,
                content: eventTypes.eventFrom(event.content ?? 'null', type),
                isPublic: event.public ?? false,
            };
        });
        return new CommittedAggregateEvents(eventSourceId, aggregateRootId, version, events);
    }
}
