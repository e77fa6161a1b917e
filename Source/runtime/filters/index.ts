export { EventTypeFilter, type EventTypeFilterOptions } from './EventTypeFilter.js';
export { filterFailureIds } from './failures.js';
export { filtersServiceFor } from './FiltersService.js';
