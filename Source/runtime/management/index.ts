export { managementServicesFor } from './managementServicesFor.js';
export { noSubscriptions, type SubscriptionsView } from './eventStoreServices.js';
export { managementFailureIds } from './failures.js';
export type { SkippedEvent, SkippedEvents } from './SkippedEvents.js';
export { SqliteSkippedEvents } from './sqlite/SqliteSkippedEvents.js';
export { managementSqliteMigrations } from './sqlite/migrations.js';
export { PostgresSkippedEvents } from './postgres/PostgresSkippedEvents.js';
export { managementPostgresMigrations } from './postgres/migrations.js';
