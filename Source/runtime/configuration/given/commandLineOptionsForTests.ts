import type { CommandLineOptions } from '../CommandLineOptions.js';

/** Command-line options for tests: embedded store, data in /data, a local PostgreSQL server. */
export function commandLineOptionsForTests(overrides: Partial<CommandLineOptions> = {}): CommandLineOptions {
    return {
        configurationFolder: '/config',
        dataFolder: '/data',
        store: 'embedded',
        postgresConnectionString: 'postgres://postgres:secret@127.0.0.1:5432/postgres',
        shutdownTimeout: 30_000,
        configurationFolderIsExplicit: false,
        logging: { level: 'info', format: 'json', categoryLevels: [] },
        ...overrides,
    };
}
