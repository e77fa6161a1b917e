import type { EventContext } from '../eventStore/EventContext.js';
import type { ScopeId } from '../eventStore/ScopeId.js';
import type { FilterId } from './FilterId.js';
import type { PartitionedFilterResult } from './PartitionedFilterResult.js';

/** The callback of an unpartitioned filter: include the event or not. */
export type FilterEventCallback = (event: unknown, context: EventContext) => boolean | Promise<boolean>;

/** The callback of a partitioned or public filter: include the event or not, and in which partition. */
export type PartitionedFilterEventCallback = (event: unknown, context: EventContext) => PartitionedFilterResult | Promise<PartitionedFilterResult>;

/** A filter as the client registers it. */
export type FilterDefinition =
    | { readonly kind: 'unpartitioned'; readonly id: FilterId; readonly scopeId: ScopeId; readonly callback: FilterEventCallback }
    | { readonly kind: 'partitioned'; readonly id: FilterId; readonly scopeId: ScopeId; readonly callback: PartitionedFilterEventCallback }
    | { readonly kind: 'public'; readonly id: FilterId; readonly callback: PartitionedFilterEventCallback };
