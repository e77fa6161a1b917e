import type { Guid } from '../guids/index.js';

/** The kinds of filters a head can register. */
export type FilterKind = 'unpartitioned' | 'partitioned' | 'public';

/** What a head asks for when it registers a filter. Public filters are always in the default scope. */
export type FilterRegistration = {
    readonly kind: FilterKind;
    readonly scope: Guid;
    readonly filterId: Guid;
};
