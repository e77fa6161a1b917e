import type { Guid } from '../guids/index.js';
import type { AggregateKey, AggregateVersionChange } from './AggregateKey.js';
import type { CommittedEvent } from './CommittedEvent.js';

/** The events of one aggregate and its version (the number of events it has). */
export type AggregateEvents = {
    readonly version: number;
    readonly events: ReadonlyArray<CommittedEvent>;
};

/** How many events of one event type (and generation) a scope's log holds, and when the last occurred. */
export type EventTypeUsage = {
    readonly type: Guid;
    readonly generation: number;
    readonly events: number;
    /** Milliseconds since the epoch. */
    readonly lastOccurred: number;
};

/** An aggregate root instance: the event source of an aggregate root type, and its version. */
export type AggregateInstance = {
    readonly aggregateRootId: Guid;
    readonly eventSourceId: Guid;
    readonly version: number;
};

/** What every storage backend provides for a tenant's event logs (the default scope and scoped ones). */
export interface EventLogStorage {
    /** The sequence number the next event in the scope's log gets: the number of events in it. */
    nextSequenceNumber(scope: Guid): Promise<number>;
    /** The current versions of the given aggregates; absent ones are at version 0. */
    aggregateVersions(aggregates: ReadonlyArray<AggregateKey>): Promise<ReadonlyMap<string, number>>;
    /**
     * Appends events and moves aggregate versions in one transaction. Throws EventLogWasChangedElsewhere
     * when a sequence number is taken or an aggregate is not at its expected version, so nothing is written.
     */
    append(scope: Guid, events: ReadonlyArray<CommittedEvent>, aggregates: ReadonlyArray<AggregateVersionChange>): Promise<void>;
    /** The events of one aggregate in version order, with its version. */
    fetchForAggregate(aggregate: AggregateKey): Promise<AggregateEvents>;
    /** Up to `limit` events of the scope's log from a sequence number on, in order. */
    read(scope: Guid, fromSequenceNumber: number, limit: number): Promise<ReadonlyArray<CommittedEvent>>;
    /** Up to `limit` events of the given types from a sequence number on, in order (for type filters catching up). */
    readOfTypes(scope: Guid, types: ReadonlyArray<Guid>, fromSequenceNumber: number, limit: number): Promise<ReadonlyArray<CommittedEvent>>;
    /** Tells whether any event of the given types is in the scope's log before a sequence number. */
    containsTypesBefore(scope: Guid, types: ReadonlyArray<Guid>, beforeSequenceNumber: number): Promise<boolean>;
    /** The event types in the scope's log, with how many events each has (for the management API). */
    eventTypes(scope: Guid): Promise<ReadonlyArray<EventTypeUsage>>;
    /** The aggregate root instances, of one aggregate root type when given, by type then event source. */
    aggregates(aggregateRootId?: Guid): Promise<ReadonlyArray<AggregateInstance>>;
}
