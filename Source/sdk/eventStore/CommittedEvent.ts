import { timestampToMilliseconds, uuidToGuid, type dolittle } from '@dolittle-typescript/protocol';
import { EventType } from '../artifacts/EventType.js';
import type { EventTypes } from '../artifacts/EventTypes.js';
import { ExecutionContext } from '../execution/ExecutionContext.js';
import { EventContext } from './EventContext.js';
import { EventSourceId } from './EventSourceId.js';

type WireCommittedEvent = dolittle.runtime.events.CommittedEvent.$Properties;

/** An event in the event log: its position, source, type, content and where it came from. */
export class CommittedEvent {
    /** Creates a committed event from its parts. */
    constructor(
        readonly eventLogSequenceNumber: number,
        readonly occurred: Date,
        readonly eventSourceId: EventSourceId,
        readonly executionContext: ExecutionContext,
        readonly type: EventType,
        readonly content: unknown,
        readonly isPublic: boolean,
        readonly isExternal: boolean,
        readonly externalEventLogSequenceNumber: number,
    ) {}

    /** The context a processor is given with this event. */
    get context(): EventContext {
        return new EventContext(this.eventLogSequenceNumber, this.eventSourceId, this.occurred, this.executionContext);
    }

    /** Reads the wire's CommittedEvent; the content becomes an instance-like object of its registered class. */
    static fromWire(wire: WireCommittedEvent, eventTypes: EventTypes): CommittedEvent {
        const type = EventType.fromWire(wire.type);
        return new CommittedEvent(
            Number(wire.eventLogSequenceNumber ?? 0),
            new Date(timestampToMilliseconds(wire.occurred) ?? 0),
            EventSourceId.from(uuidToGuid(wire.eventSourceId)),
            ExecutionContext.fromWire(wire.executionContext),
            type,
            eventTypes.eventFrom(wire.content ?? 'null', type),
            wire.public ?? false,
            wire.external ?? false,
            Number(wire.externalEventLogSequenceNumber ?? 0),
        );
    }
}
