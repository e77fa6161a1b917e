import type { LoggingConfiguration } from '../logging/index.js';

/** The backends a resources.json entry in the original MongoDB shape can be mapped onto. */
export type StoreKind = 'embedded' | 'postgres';

/** What the Runtime was started with: folders, the store for MongoDB-shaped resources, and logging. */
export type CommandLineOptions = {
    /** The folder of the configuration files (absolute). */
    readonly configurationFolder: string;
    /** The folder embedded stores keep their files in (absolute). */
    readonly dataFolder: string;
    /** The backend for resources.json entries in the MongoDB shape. */
    readonly store: StoreKind;
    /** The PostgreSQL server used by `--store postgres` and by postgres entries without one (a secret: never logged). */
    readonly postgresConnectionString: string;
    readonly logging: LoggingConfiguration;
};
