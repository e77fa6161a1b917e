import { ScopeId } from '../eventStore/ScopeId.js';
import type { GuidLike } from '../execution/Guid.js';
import type { FilterDefinition, FilterEventCallback, PartitionedFilterEventCallback } from './FilterDefinition.js';
import { FilterId } from './FilterId.js';

/** Thrown when a filter is defined without its callback; names the filter and the fix. */
export class FilterDefinitionIncomplete extends Error {
    /** Creates the error naming the filter. */
    constructor(id: FilterId, fix: string) {
        super(`Filter ${id.value} is incomplete: ${fix}`);
        this.name = 'FilterDefinitionIncomplete';
    }
}

/** Finishes an unpartitioned private filter with its callback. */
export class UnpartitionedEventFilterBuilder {
    #callback: FilterEventCallback | undefined;

    /** Sets the callback that includes an event or not. */
    handle(callback: FilterEventCallback): void {
        this.#callback = callback;
    }

    /** The callback, once handle() was called. */
    get callback(): FilterEventCallback | undefined {
        return this.#callback;
    }
}

/** Finishes a partitioned private filter with its callback. */
export class PartitionedEventFilterBuilder {
    #callback: PartitionedFilterEventCallback | undefined;

    /** Sets the callback that includes an event or not, in a partition. */
    handle(callback: PartitionedFilterEventCallback): void {
        this.#callback = callback;
    }

    /** The callback, once handle() was called. */
    get callback(): PartitionedFilterEventCallback | undefined {
        return this.#callback;
    }
}

/** Defines a private filter: `filter.unpartitioned().handle(…)` or `filter.partitioned().handle(…)`, optionally `inScope(…)`. */
export class PrivateEventFilterBuilder {
    #scopeId = ScopeId.default;
    #kind: UnpartitionedEventFilterBuilder | PartitionedEventFilterBuilder | undefined;

    /** Filters the events of another scope. */
    inScope(scopeId: GuidLike): PrivateEventFilterBuilder {
        this.#scopeId = ScopeId.from(scopeId);
        return this;
    }

    /** An unpartitioned filter. */
    unpartitioned(): UnpartitionedEventFilterBuilder {
        const builder = new UnpartitionedEventFilterBuilder();
        this.#kind = builder;
        return builder;
    }

    /** A partitioned filter. */
    partitioned(): PartitionedEventFilterBuilder {
        const builder = new PartitionedEventFilterBuilder();
        this.#kind = builder;
        return builder;
    }

    /** The definition; throws FilterDefinitionIncomplete when no kind or callback was given. */
    build(id: FilterId): FilterDefinition {
        const kind = this.#kind;
        if (kind === undefined) {
            throw new FilterDefinitionIncomplete(id, 'call .unpartitioned() or .partitioned() on the filter builder');
        }
        if (kind instanceof UnpartitionedEventFilterBuilder) {
            const callback = kind.callback ?? missing(id);
            return { kind: 'unpartitioned', id, scopeId: this.#scopeId, callback };
        }
        const callback = kind.callback ?? missing(id);
        return { kind: 'partitioned', id, scopeId: this.#scopeId, callback };
    }
}

/** Defines a public filter (it reads public events only, into the public stream the Event Horizon serves). */
export class PublicEventFilterBuilder {
    #callback: PartitionedFilterEventCallback | undefined;

    /** Sets the callback that includes an event or not, in a partition. */
    handle(callback: PartitionedFilterEventCallback): void {
        this.#callback = callback;
    }

    /** The definition; throws FilterDefinitionIncomplete when no callback was given. */
    build(id: FilterId): FilterDefinition {
        return { kind: 'public', id, callback: this.#callback ?? missing(id) };
    }
}

function missing(id: FilterId): never {
    throw new FilterDefinitionIncomplete(id, 'call .handle((event, context) => …) on the filter builder');
}

/** Collects the filters of a client: `filters.createPrivateFilter(id, …)` and `filters.createPublicFilter(id, …)`. */
export class EventFiltersBuilder {
    readonly #filters: Array<() => FilterDefinition> = [];

    /** Defines a private filter over the event log (or another scope). */
    createPrivateFilter(id: GuidLike, build: (builder: PrivateEventFilterBuilder) => void): EventFiltersBuilder {
        const filterId = FilterId.from(id);
        const builder = new PrivateEventFilterBuilder();
        build(builder);
        this.#filters.push(() => builder.build(filterId));
        return this;
    }

    /** Defines a public filter. */
    createPublicFilter(id: GuidLike, build: (builder: PublicEventFilterBuilder) => void): EventFiltersBuilder {
        const filterId = FilterId.from(id);
        const builder = new PublicEventFilterBuilder();
        build(builder);
        this.#filters.push(() => builder.build(filterId));
        return this;
    }

    /** The definitions; throws FilterDefinitionIncomplete for a filter without a callback. */
    build(): ReadonlyArray<FilterDefinition> {
        return this.#filters.map((build) => build());
    }
}

/** The callback `withFilters` takes. */
export type EventFiltersBuilderCallback = (builder: EventFiltersBuilder) => void;
