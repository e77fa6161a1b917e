import { dolittle, guidToUuid, uuidToGuid } from '@dolittle-typescript/protocol';
import { CallDidNotComplete, type UnaryConnection } from '../runtime/UnaryConnection.js';
import { executionContextFor, tortureIdentifiers } from '../identifiers.js';
import type { Ledger } from './Ledger.js';
import type { SdkCommitter } from './SdkCommitter.js';

const paths = {
    commit: '/dolittle.runtime.events.EventStore/Commit',
    commitForAggregate: '/dolittle.runtime.events.EventStore/CommitForAggregate',
    fetchForAggregate: '/dolittle.runtime.events.EventStore/FetchForAggregate',
} as const;

/**
 * The events a run may still commit, shared by its writers. A limit holds the writers back so that every planned
 * fault strikes while they still write: past the limit, take() waits until the fault driver raises it.
 */
export class EventBudget {
    readonly #total: number;
    #left: number;
    #limit = Number.MAX_SAFE_INTEGER;
    #waiting: Array<() => void> = [];

    constructor(events: number) {
        this.#total = events;
        this.#left = events;
    }

    /** The events taken and not given back: acknowledged, or sent with an unknown outcome, or in flight. */
    get spent(): number {
        return this.#total - this.#left;
    }

    /** Holds the writers once this many events are spent, until the limit is raised. */
    limit(spent: number): void {
        this.#limit = spent;
        const waiting = this.#waiting;
        this.#waiting = [];
        waiting.forEach((wake) => wake());
    }

    /** Takes up to `wanted` events of the budget; 0 when it is spent. */
    async take(wanted: number): Promise<number> {
        while (this.spent >= this.#limit && this.#left > 0) {
            await new Promise<void>((resolve) => this.#waiting.push(resolve));
        }
        const taken = Math.min(wanted, this.#left);
        this.#left -= taken;
        return taken;
    }

    /** Gives back events that were never sent, or refused. */
    giveBack(count: number): void {
        this.#left += count;
    }
}

/** What one tenant's writers share: the aggregate versions they believe current (racing on purpose). */
export type TenantAggregates = Map<string, number | undefined>;

/** What a writer works with. */
export type WriterContext = {
    readonly index: number;
    readonly tenant: number;
    readonly connection: UnaryConnection;
    readonly budget: EventBudget;
    readonly ledger: Ledger;
    readonly eventSources: ReadonlyArray<string>;
    readonly aggregates: TenantAggregates;
    readonly random: () => number;
    /** When given, the writer's plain commits go through the official SDK (its aggregate commits stay lean). */
    readonly sdk?: SdkCommitter;
};

/**
 * One writer of a torture run: until the budget is spent, commits single events, batches of up to 20, and aggregate
 * commits of up to 5 events with the expected version it shares with the tenant's other writers (so they race, and
 * some lose with a concurrency conflict). Every event's content carries an id unique in the run, and every commit is
 * recorded in the ledger with what the Runtime answered. While the Runtime is down, it waits and tries again.
 */
export async function runWriter(context: WriterContext): Promise<void> {
    let counter = 0;
    const nextIds = (count: number) => Array.from({ length: count }, () => `w${context.index}-${counter++}`);
    for (;;) {
        const roll = context.random();
        const wanted = roll < 0.5 ? 1 : roll < 0.75 ? 2 + Math.floor(context.random() * 19) : 1 + Math.floor(context.random() * 5);
        const count = await context.budget.take(wanted);
        if (count === 0) {
            return;
        }
        const ids = nextIds(count);
        const outcome = roll < 0.75 ? await commitEvents(context, ids) : await commitForAggregate(context, ids);
        if (outcome === 'not sent' || outcome === 'refused') {
            context.budget.giveBack(count);
        }
        if (outcome === 'not sent' || outcome === 'broke') {
            // The Runtime is down or restarting: wait a little before the next commit.
            await new Promise((resolve) => setTimeout(resolve, 25));
        }
    }
}

function contentOf(id: string): string {
    return JSON.stringify({ id });
}

type Sent = 'answered' | 'refused' | 'broke' | 'not sent';

async function commitEvents(context: WriterContext, ids: ReadonlyArray<string>): Promise<Sent> {
    if (context.sdk !== undefined) {
        return commitThroughSdk(context, context.sdk, ids);
    }
    const artifact = { id: guidToUuid(tortureIdentifiers.ordered), generation: 1 };
    // A third of the lean commits are public: the public filter sends them over the Event Horizon.
    const isPublic = context.random() < 1 / 3;
    const events = ids.map((id) => ({
        artifact,
        eventSourceId: guidToUuid(context.eventSources[Math.floor(context.random() * context.eventSources.length)]!),
        public: isPublic,
        content: contentOf(id),
    }));
    const request = dolittle.runtime.events.CommitEventsRequest.encode({ callContext: { executionContext: executionContextFor(tortureIdentifiers.tenants[context.tenant]!) }, events }).finish();
    try {
        const response = dolittle.runtime.events.CommitEventsResponse.decode(await context.connection.call(paths.commit, request));
        if (response.failure) {
            context.ledger.record({ tenant: context.tenant, kind: 'events', ids, outcome: 'refused', sequenceNumbers: [], reason: response.failure.reason ?? '' });
            return 'refused';
        } else {
            context.ledger.record({ tenant: context.tenant, kind: 'events', ids, outcome: 'acknowledged', sequenceNumbers: response.events.map((event) => Number(event.eventLogSequenceNumber)) });
        }
        return 'answered';
    } catch (error) {
        return unknown(context, 'events', ids, error);
    }
}

async function commitThroughSdk(context: WriterContext, sdk: SdkCommitter, ids: ReadonlyArray<string>): Promise<Sent> {
    const events = ids.map((id) => ({ id, eventSource: context.eventSources[Math.floor(context.random() * context.eventSources.length)]! }));
    const answer = await sdk.commit(context.tenant, events);
    if (answer.outcome === 'not sent') {
        return 'not sent';
    }
    context.ledger.record({ tenant: context.tenant, kind: 'sdk events', ids, outcome: answer.outcome, sequenceNumbers: answer.sequenceNumbers, reason: answer.reason });
    return answer.outcome === 'acknowledged' ? 'answered' : answer.outcome === 'refused' ? 'refused' : 'broke';
}

async function commitForAggregate(context: WriterContext, ids: ReadonlyArray<string>): Promise<Sent> {
    const eventSource = [...context.aggregates.keys()][Math.floor(context.random() * context.aggregates.size)]!;
    let expected = context.aggregates.get(eventSource);
    if (expected === undefined) {
        expected = await fetchVersion(context, eventSource);
        if (expected === undefined) {
            return 'not sent';
        }
        context.aggregates.set(eventSource, expected);
    }
    const artifact = { id: guidToUuid(tortureIdentifiers.aggregated), generation: 1 };
    const request = dolittle.runtime.events.CommitAggregateEventsRequest.encode({
        callContext: { executionContext: executionContextFor(tortureIdentifiers.tenants[context.tenant]!) },
        events: {
            aggregateRootId: guidToUuid(tortureIdentifiers.aggregateRoot),
            eventSourceId: guidToUuid(eventSource),
            expectedAggregateRootVersion: expected,
            events: ids.map((id) => ({ artifact, public: false, content: contentOf(id) })),
        },
    }).finish();
    try {
        const response = dolittle.runtime.events.CommitAggregateEventsResponse.decode(await context.connection.call(paths.commitForAggregate, request));
        if (response.failure) {
            context.ledger.record({ tenant: context.tenant, kind: 'aggregate', ids, outcome: 'refused', sequenceNumbers: [], reason: response.failure.reason ?? '' });
            // Another writer won the race: learn the version again.
            context.aggregates.set(eventSource, undefined);
            return 'refused';
        } else {
            const committed = response.events?.events ?? [];
            context.ledger.record({ tenant: context.tenant, kind: 'aggregate', ids, outcome: 'acknowledged', sequenceNumbers: committed.map((event) => Number(event.eventLogSequenceNumber)) });
            if (context.aggregates.get(eventSource) === expected) {
                context.aggregates.set(eventSource, expected + ids.length);
            }
        }
        return 'answered';
    } catch (error) {
        context.aggregates.set(eventSource, undefined);
        return unknown(context, 'aggregate', ids, error);
    }
}

async function fetchVersion(context: WriterContext, eventSource: string): Promise<number | undefined> {
    const request = dolittle.runtime.events.FetchForAggregateRequest.encode({
        callContext: { executionContext: executionContextFor(tortureIdentifiers.tenants[context.tenant]!) },
        aggregate: { aggregateRootId: guidToUuid(tortureIdentifiers.aggregateRoot), eventSourceId: guidToUuid(eventSource) },
    }).finish();
    try {
        const response = dolittle.runtime.events.FetchForAggregateResponse.decode(await context.connection.call(paths.fetchForAggregate, request));
        if (response.failure || uuidToGuid(response.events?.eventSourceId) !== eventSource) {
            return undefined;
        }
        return Number(response.events?.aggregateRootVersion ?? 0);
    } catch (error) {
        if (error instanceof CallDidNotComplete) {
            return undefined;
        }
        throw error;
    }
}

function unknown(context: WriterContext, kind: 'events' | 'aggregate', ids: ReadonlyArray<string>, error: unknown): Sent {
    if (!(error instanceof CallDidNotComplete)) {
        throw error;
    }
    if (!error.sent) {
        return 'not sent';
    }
    context.ledger.record({ tenant: context.tenant, kind, ids, outcome: 'unknown', sequenceNumbers: [], reason: error.message });
    return 'broke';
}
