import type { LoggingConfiguration } from '../logging/index.js';

/** The backends a resources.json entry in the original MongoDB shape can be mapped onto. */
export type StoreKind = 'embedded' | 'postgres';

/** What the Runtime was started with: folders, the store for MongoDB-shaped resources, and logging. */
export type CommandLineOptions = {
    /** The folder of the configuration files (absolute). */
    readonly configurationFolder: string;
    /** Whether --configuration named the folder: then a missing folder is an error, not the development defaults. */
    readonly configurationFolderIsExplicit: boolean;
    /** The folder embedded stores keep their files in (absolute). */
    readonly dataFolder: string;
    /** The backend for resources.json entries in the MongoDB shape. */
    readonly store: StoreKind;
    /** The PostgreSQL server used by `--store postgres` and by postgres entries without one (a secret: never logged). */
    readonly postgresConnectionString: string;
    /** How long a graceful shutdown may take, in milliseconds. */
    readonly shutdownTimeout: number;
    readonly logging: LoggingConfiguration;
};
