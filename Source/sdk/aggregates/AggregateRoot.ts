import type { EventTypeReference } from '../artifacts/EventTypes.js';
import { AggregateRootId } from '../eventStore/AggregateRootId.js';
import { EventSourceId } from '../eventStore/EventSourceId.js';
import type { GuidLike } from '../execution/Guid.js';

/** An event an aggregate root applied in this operation, to be committed when the operation ends. */
export type AppliedEvent = { readonly event: unknown; readonly eventType?: EventTypeReference; readonly isPublic: boolean };

/** Thrown when an aggregate root's id is read before the SDK set it (the class lacks @aggregateRoot, or was created by hand). */
export class AggregateRootIdentifierNotSet extends Error {
    /** Creates the error naming the class. */
    constructor(type: string) {
        super(`The aggregate root id of ${type} is not set: decorate the class with @aggregateRoot('<aggregate root id>') and get it through client.aggregateOf(${type}, …)`);
        this.name = 'AggregateRootIdentifierNotSet';
    }
}

/** Thrown when an aggregate root applies no event (null or undefined). */
export class EventContentNeedsToBeDefined extends Error {
    /** Creates the error naming the class. */
    constructor(type: string) {
        super(`${type} applied ${'an undefined or null event'}: apply an event object`);
        this.name = 'EventContentNeedsToBeDefined';
    }
}

/** The SDK's own access to an aggregate root's state during rehydration (not part of the public API). */
export const aggregateRootInternals = Symbol('aggregateRootInternals');

/**
 * The base class of aggregate roots: `class Kitchen extends AggregateRoot`. Its methods apply events (kept until the
 * operation commits them); its `@on` methods rebuild its state from its committed events. As in SDK 17, `apply` does
 * not call the `@on` method: the state changes when the aggregate is rehydrated the next time.
 */
export class AggregateRoot {
    /** The event source the aggregate's events belong to. */
    readonly eventSourceId: EventSourceId;
    #aggregateRootId: AggregateRootId | undefined;
    #appliedEvents: AppliedEvent[] = [];
    #version = 0;

    /** Creates the aggregate of an event source. */
    constructor(eventSourceId: EventSourceId | GuidLike) {
        this.eventSourceId = EventSourceId.from(eventSourceId);
    }

    /** The aggregate root's id, from its @aggregateRoot decorator. */
    get aggregateRootId(): AggregateRootId {
        if (this.#aggregateRootId === undefined) {
            throw new AggregateRootIdentifierNotSet(this.constructor.name);
        }
        return this.#aggregateRootId;
    }

    /** The aggregate's version: its number of events, committed and applied. */
    get version(): number {
        return this.#version;
    }

    /** The events applied in this operation, not committed yet. */
    get appliedEvents(): ReadonlyArray<AppliedEvent> {
        return this.#appliedEvents;
    }

    /** Applies an event (its type from its class unless given): it is committed when the operation ends. */
    apply(event: unknown, eventType?: EventTypeReference): void {
        this.#apply(event, eventType, false);
    }

    /** Applies a public event: one that other microservices can subscribe to. */
    applyPublic(event: unknown, eventType?: EventTypeReference): void {
        this.#apply(event, eventType, true);
    }

    /** Moves to the next version (the SDK calls it for each re-applied event). */
    nextVersion(): void {
        this.#version += 1;
    }

    /** The SDK's access during rehydration. */
    get [aggregateRootInternals]() {
        return {
            setAggregateRootId: (id: GuidLike) => {
                this.#aggregateRootId = AggregateRootId.from(id);
            },
        };
    }

    #apply(event: unknown, eventType: EventTypeReference | undefined, isPublic: boolean): void {
        if (event === null || event === undefined) {
            throw new EventContentNeedsToBeDefined(this.constructor.name);
        }
        this.#appliedEvents.push(eventType === undefined ? { event, isPublic } : { event, eventType, isPublic });
        this.#version += 1;
    }
}
