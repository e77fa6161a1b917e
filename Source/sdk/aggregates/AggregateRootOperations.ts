import type { Class } from '../decorators/decoratorCall.js';
import { EventType } from '../artifacts/EventType.js';
import type { EventTypes } from '../artifacts/EventTypes.js';
import { aggregateRootConcurrencyConflictFailureId, CommitFailed, type Failure } from '../eventStore/CommitEventsResult.js';
import type { CommittedAggregateEvents } from '../eventStore/CommittedAggregateEvents.js';
import type { EventSourceId } from '../eventStore/EventSourceId.js';
import type { EventStore } from '../eventStore/EventStore.js';
import type { Logger } from '../logging/Logger.js';
import { AggregateRoot, aggregateRootInternals } from './AggregateRoot.js';
import { aggregateRootDescriptionOf, onMethodsOf, type AggregateRootDescription } from './aggregateRootDecorators.js';

/** An action performed on an aggregate root; it applies events. */
export type AggregateRootAction<Aggregate> = (aggregateRoot: Aggregate) => void | Promise<void>;

/** A class of aggregate roots: constructed with an event source id. */
export type AggregateRootType<Aggregate extends AggregateRoot> = new (eventSourceId: EventSourceId) => Aggregate;

/** Thrown when a class used as an aggregate root lacks @aggregateRoot. */
export class MissingAggregateRootDecorator extends Error {
    /** Creates the error naming the class. */
    constructor(type: Class) {
        super(`Class ${type.name || '(anonymous)'} is used as an aggregate root but has no @aggregateRoot decorator: add @aggregateRoot('<aggregate root id>') above the class (and let it extend AggregateRoot)`);
        this.name = 'MissingAggregateRootDecorator';
    }
}

/** Thrown when an aggregate's events changed between reading them and committing the new ones: perform the action again. */
export class AggregateRootConcurrencyConflict extends Error {
    /** Creates the error naming the aggregate and the expected version. */
    constructor(readonly aggregate: string, readonly expectedVersion: number, readonly failure: Failure) {
        super(`Aggregate ${aggregate} got other events while this operation ran (it expected version ${expectedVersion}): ${failure.reason}. Perform the action again to act on the current state`);
        this.name = 'AggregateRootConcurrencyConflict';
    }
}

/**
 * Performs actions on one aggregate: each `perform` fetches the aggregate's committed events (a plain async call),
 * rebuilds its state through its `@on` methods, runs the action, and commits the events it applied, expecting the
 * version it read; a conflicting commit in between rejects with AggregateRootConcurrencyConflict.
 */
export class AggregateRootOperations<Aggregate extends AggregateRoot> {
    readonly #type: AggregateRootType<Aggregate>;
    readonly #description: AggregateRootDescription;
    readonly #eventSourceId: EventSourceId;
    readonly #eventStore: EventStore;
    readonly #eventTypes: EventTypes;
    readonly #logger: Logger;

    /** Prepares the operations on the aggregate of an event source; throws MissingAggregateRootDecorator for an undecorated class. */
    constructor(type: AggregateRootType<Aggregate>, eventSourceId: EventSourceId, eventStore: EventStore, eventTypes: EventTypes, logger: Logger) {
        const description = aggregateRootDescriptionOf(type);
        if (description === undefined || !(type.prototype instanceof AggregateRoot)) {
            throw new MissingAggregateRootDecorator(type);
        }
        this.#type = type;
        this.#description = description;
        this.#eventSourceId = eventSourceId;
        this.#eventStore = eventStore;
        this.#eventTypes = eventTypes;
        this.#logger = logger;
    }

    /** Rebuilds the aggregate, performs the action and commits the events it applied. */
    async perform(action: AggregateRootAction<Aggregate>): Promise<void> {
        const committed = await this.#eventStore.fetchForAggregate(this.#description.id, this.#eventSourceId);
        const aggregate = this.#rehydrated(committed);
        const expectedVersion = aggregate.version;
        await action(aggregate);
        const applied = aggregate.appliedEvents;
        if (applied.length === 0) {
            return;
        }
        const result = await this.#eventStore.commitForAggregate({
            eventSourceId: this.#eventSourceId,
            aggregateRootId: this.#description.id,
            expectedAggregateRootVersion: expectedVersion,
            events: applied.map((event) => ({ content: event.event, public: event.isPublic, ...(event.eventType === undefined ? {} : { eventType: event.eventType }) })),
        });
        const name = `${this.#type.name} ${this.#eventSourceId.value}`;
        if (result.failure?.id === aggregateRootConcurrencyConflictFailureId) {
            throw new AggregateRootConcurrencyConflict(name, expectedVersion, result.failure);
        }
        if (result.failure !== undefined) {
            throw new CommitFailed(result.failure, `the events of aggregate ${name}`);
        }
        this.#logger.debug('Committed the events of an aggregate', { aggregateRoot: this.#type.name, eventSourceId: this.#eventSourceId.value, events: applied.length });
    }

    #rehydrated(committed: CommittedAggregateEvents): Aggregate {
        const aggregate = new this.#type(this.#eventSourceId);
        aggregate[aggregateRootInternals].setAggregateRootId(this.#description.id);
        const methods = new Map(onMethodsOf(this.#type).map((method) => {
            const resolved = this.#eventTypes.resolve(method.mark.eventType);
            const eventType = method.mark.generation === undefined ? resolved : new EventType(resolved.id, method.mark.generation);
            return [eventType.key, method.method] as const;
        }));
        for (const event of committed) {
            (methods.get(event.type.key) as ((this: Aggregate, event: unknown) => unknown) | undefined)?.call(aggregate, event.content);
            aggregate.nextVersion();
        }
        return aggregate;
    }
}
