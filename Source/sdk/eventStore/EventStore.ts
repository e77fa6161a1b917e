import { eventStoreService, guidToUuid, type dolittle } from '@dolittle-typescript/protocol';
import type { EventType } from '../artifacts/EventType.js';
import type { EventTypeReference, EventTypes } from '../artifacts/EventTypes.js';
import type { RuntimeConnection } from '../connection/RuntimeConnection.js';
import type { ExecutionContext } from '../execution/ExecutionContext.js';
import type { GuidLike } from '../execution/Guid.js';
import { AggregateRootId } from './AggregateRootId.js';
import { CommittedAggregateEvents } from './CommittedAggregateEvents.js';
import { CommittedEvent } from './CommittedEvent.js';
import { failureFromWire, type Failure } from './CommitEventsResult.js';
import { CommitGroups, defaultCommitGrouping, type CommitGrouping } from './CommitGroups.js';
import { encodeCallContext } from './commitRequest.js';
import { EventSourceId } from './EventSourceId.js';

type WireUncommittedEvent = dolittle.runtime.events.UncommittedEvent.$Properties;

/** An event to commit, with its source and (unless its class is registered) its type. */
export type UncommittedEvent = {
    readonly content: unknown;
    readonly eventSourceId: GuidLike;
    readonly eventType?: EventTypeReference;
    readonly public?: boolean;
};

/** An event an aggregate applied, to commit for it. */
export type UncommittedAggregateEvent = {
    readonly content: unknown;
    readonly eventType?: EventTypeReference;
    readonly public?: boolean;
};

/** The events of one aggregate to commit, and the version the aggregate is expected to be at (its number of events). */
export type UncommittedAggregateEvents = {
    readonly eventSourceId: GuidLike;
    readonly aggregateRootId: GuidLike;
    readonly expectedAggregateRootVersion: number;
    readonly events: ReadonlyArray<UncommittedAggregateEvent>;
};

/** What a commit came to: the committed events, or the failure the Runtime answered with. */
export class CommitEventsResult {
    #events: ReadonlyArray<CommittedEvent> | (() => ReadonlyArray<CommittedEvent>);

    /** Creates the result of a commit; the events may be given as a function, read when first asked for. */
    constructor(events: ReadonlyArray<CommittedEvent> | (() => ReadonlyArray<CommittedEvent>), readonly failure?: Failure) {
        this.#events = events;
    }

    /** The committed events, in order. Turned into SDK objects on first use: most callers never look. */
    get events(): ReadonlyArray<CommittedEvent> {
        if (typeof this.#events === 'function') {
            this.#events = this.#events();
        }
        return this.#events;
    }

    /** Tells whether the Runtime refused the commit. */
    get failed(): boolean {
        return this.failure !== undefined;
    }
}

/** What an aggregate commit came to: the committed events, or the failure (a concurrency conflict, say). */
export class CommitAggregateEventsResult {
    /** Creates the result of an aggregate commit. */
    constructor(readonly events: CommittedAggregateEvents, readonly failure?: Failure) {}

    /** Tells whether the Runtime refused the commit. */
    get failed(): boolean {
        return this.failure !== undefined;
    }
}

/**
 * The event store of one tenant: commit events (private or public), commit and fetch the events of an aggregate.
 * Commits answer with the Runtime's failure in the result, as SDK 17's do; a call that cannot reach the Runtime
 * rejects with RuntimeCallFailed.
 */
export class EventStore {
    readonly #connection: RuntimeConnection;
    readonly #eventTypes: EventTypes;
    readonly #callContext: dolittle.services.CallRequestContext.$Properties;
    readonly #commits: CommitGroups;

    /** Creates the event store of the tenant in the execution context. */
    constructor(connection: RuntimeConnection, eventTypes: EventTypes, executionContext: ExecutionContext, grouping: CommitGrouping = defaultCommitGrouping) {
        this.#connection = connection;
        this.#eventTypes = eventTypes;
        // Encoded per call from the same plain objects: the execution context is built once per tenant.
        this.#callContext = { executionContext: executionContext.toWire() };
        this.#commits = new CommitGroups(connection, encodeCallContext(this.#callContext), grouping);
    }

    /** Commits one event (its type from its class unless given), or UncommittedEvents. */
    commit(event: unknown, eventSourceId: GuidLike, eventType?: EventTypeReference): Promise<CommitEventsResult>;
    commit(eventOrEvents: UncommittedEvent | ReadonlyArray<UncommittedEvent>): Promise<CommitEventsResult>;
    async commit(event: unknown, eventSourceId?: GuidLike, eventType?: EventTypeReference): Promise<CommitEventsResult> {
        return this.#commit(eventSourceId === undefined ? this.#uncommitted(event) : [this.#wireEvent(event, eventSourceId, eventType, false)]);
    }

    /** Commits one public event: one that other microservices can subscribe to over the Event Horizon. */
    async commitPublic(event: unknown, eventSourceId: GuidLike, eventType?: EventTypeReference): Promise<CommitEventsResult> {
        return this.#commit([this.#wireEvent(event, eventSourceId, eventType, true)]);
    }

    /** Commits events for an aggregate, expecting it to be at a version (its number of events before these). */
    commitForAggregate(event: unknown, eventSourceId: GuidLike, aggregateRootId: GuidLike, expectedAggregateRootVersion: number, eventType?: EventTypeReference): Promise<CommitAggregateEventsResult>;
    commitForAggregate(events: UncommittedAggregateEvents): Promise<CommitAggregateEventsResult>;
    async commitForAggregate(eventOrEvents: unknown, eventSourceId?: GuidLike, aggregateRootId?: GuidLike, expectedAggregateRootVersion?: number, eventType?: EventTypeReference): Promise<CommitAggregateEventsResult> {
        const aggregate: UncommittedAggregateEvents = eventSourceId === undefined
            ? eventOrEvents as UncommittedAggregateEvents
            : { eventSourceId, aggregateRootId: aggregateRootId!, expectedAggregateRootVersion: expectedAggregateRootVersion ?? 0, events: [{ content: eventOrEvents, ...(eventType === undefined ? {} : { eventType }) }] };
        const source = EventSourceId.from(aggregate.eventSourceId);
        const root = AggregateRootId.from(aggregate.aggregateRootId);
        const response = await this.#connection.call(eventStoreService.commitForAggregate, {
            callContext: this.#callContext,
            events: {
                eventSourceId: guidToUuid(source.value),
                aggregateRootId: guidToUuid(root.value),
                expectedAggregateRootVersion: aggregate.expectedAggregateRootVersion,
                events: aggregate.events.map((event) => ({
                    artifact: this.#eventTypes.ofEvent(event.content, event.eventType).toWire(),
                    public: event.public ?? false,
                    content: JSON.stringify(event.content),
                })),
            },
        });
        const failure = failureFromWire(response.failure);
        const versionAfter = failure === undefined ? aggregate.expectedAggregateRootVersion + aggregate.events.length : aggregate.expectedAggregateRootVersion;
        return new CommitAggregateEventsResult(CommittedAggregateEvents.fromWire(failure === undefined ? response.events : undefined, this.#eventTypes, { eventSourceId: source, aggregateRootId: root }, versionAfter), failure);
    }

    /** Fetches every event of an aggregate, in order; rejects with the Runtime's failure when it answers with one. */
    async fetchForAggregate(aggregateRootId: GuidLike, eventSourceId: GuidLike): Promise<CommittedAggregateEvents> {
        const source = EventSourceId.from(eventSourceId);
        const root = AggregateRootId.from(aggregateRootId);
        const response = await this.#connection.call(eventStoreService.fetchForAggregate, {
            callContext: this.#callContext,
            aggregate: { eventSourceId: guidToUuid(source.value), aggregateRootId: guidToUuid(root.value) },
        });
        const failure = failureFromWire(response.failure);
        if (failure !== undefined) {
            throw new Error(`The Runtime refused to fetch the events of aggregate ${root.value} of event source ${source.value}: ${failure.reason} (failure ${failure.id})`);
        }
        return CommittedAggregateEvents.fromWire(response.events, this.#eventTypes, { eventSourceId: source, aggregateRootId: root });
    }

    /** The event type the store would commit an event as (its class's), or throws UnknownEventType. */
    eventTypeOf(event: unknown, given?: EventTypeReference): EventType {
        return this.#eventTypes.ofEvent(event, given);
    }

    #uncommitted(eventOrEvents: unknown): WireUncommittedEvent[] {
        const events = (Array.isArray(eventOrEvents) ? eventOrEvents : [eventOrEvents]) as ReadonlyArray<UncommittedEvent>;
        return events.map((event) => {
            if (typeof event !== 'object' || event === null || !('eventSourceId' in event)) {
                throw new TypeError('commit(event) needs an event source: call commit(event, eventSourceId) or pass { content, eventSourceId, eventType? }');
            }
            return this.#wireEvent(event.content, event.eventSourceId, event.eventType, event.public ?? false);
        });
    }

    #wireEvent(content: unknown, eventSourceId: GuidLike, eventType: EventTypeReference | undefined, isPublic: boolean): WireUncommittedEvent {
        return {
            artifact: this.#eventTypes.ofEvent(content, eventType).toWire(),
            eventSourceId: guidToUuid(EventSourceId.from(eventSourceId).value),
            public: isPublic,
            content: JSON.stringify(content),
        };
    }

    async #commit(events: WireUncommittedEvent[]): Promise<CommitEventsResult> {
        const outcome = await this.#commits.commit(events);
        const eventTypes = this.#eventTypes;
        return new CommitEventsResult(outcome.failure === undefined ? () => outcome.events.map((event) => CommittedEvent.fromWire(event, eventTypes)) : [], outcome.failure);
    }
}
