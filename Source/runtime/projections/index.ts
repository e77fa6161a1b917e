export { projectionFailureIds } from './failures.js';
export type { ProjectionStorage, ReadModel, ReadModelChange } from './ProjectionStorage.js';
export type { EventSelector, KeySelector, ProjectionDefinition } from './ProjectionDefinition.js';
export { projectionsServiceFor } from './ProjectionsService.js';
export { projectionStoreServiceFor } from './ProjectionStoreService.js';
export { SqliteProjections } from './sqlite/SqliteProjections.js';
export { projectionsSqliteMigrations } from './sqlite/migrations.js';
export { PostgresProjections } from './postgres/PostgresProjections.js';
export { projectionsPostgresMigrations } from './postgres/migrations.js';
