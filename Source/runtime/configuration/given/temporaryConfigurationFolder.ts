import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { CommandLineOptions } from '../CommandLineOptions.js';
import { commandLineOptionsForTests } from './commandLineOptionsForTests.js';

/** A fresh temporary root with an empty `.dolittle` configuration folder in it, and options that read it. */
export type TemporaryConfigurationFolder = {
    readonly root: string;
    readonly folder: string;
    readonly options: CommandLineOptions;
};

/**
 * Gives every test of the file a fresh configuration folder (made before each test, removed after it); read its
 * fields inside tests and hooks, where they are set.
 */
export function useTemporaryConfigurationFolder(prefix: string, postgresConnectionString?: string): TemporaryConfigurationFolder {
    const current: { root: string; folder: string; options: CommandLineOptions } = { root: '', folder: '', options: commandLineOptionsForTests() };
    beforeEach(async () => {
        current.root = await mkdtemp(join(tmpdir(), prefix));
        current.folder = join(current.root, '.dolittle');
        await mkdir(current.folder);
        current.options = commandLineOptionsForTests({
            configurationFolder: current.folder,
            dataFolder: join(current.root, 'data'),
            ...(postgresConnectionString === undefined ? {} : { postgresConnectionString }),
        });
    });
    afterEach(async () => {
        await rm(current.root, { recursive: true, force: true });
    });
    return current;
}
