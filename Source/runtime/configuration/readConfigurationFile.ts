import { join } from 'node:path';
import type { ConfigurationFile } from './ConfigurationFile.js';
import type { ConfigurationProblem } from './ConfigurationProblem.js';
import type { ConfigurationSchema } from './ConfigurationSchema.js';
import { interpretConfigurationContent } from './interpretConfigurationContent.js';
import { readConfigurationText } from './readConfigurationText.js';

/** A configuration file read: its typed value (absent when it has problems), whether it exists, and what was found. */
export type ReadConfigurationFile<T> = {
    readonly path: string;
    readonly exists: boolean;
    readonly value: T | undefined;
    readonly problems: ReadonlyArray<ConfigurationProblem>;
    readonly warnings: ReadonlyArray<string>;
};

/** Reads one file from the configuration folder, or its default content when it (or the folder) is missing. */
export async function readConfigurationFile<T>(
    folder: string,
    folderExists: boolean,
    file: ConfigurationFile<T>,
    schema: ConfigurationSchema,
): Promise<ReadConfigurationFile<T>> {
    const path = join(folder, file.name);
    const text = folderExists ? await readConfigurationText(path) : { kind: 'missing' as const };
    if (text.kind === 'invalid') {
        return { path, exists: true, value: undefined, problems: [text.problem], warnings: [] };
    }
    const exists = text.kind === 'content';
    const warnings = !exists && folderExists && file.documentedAsRequired
        ? [`${path} does not exist: using ${file.defaultDescription}`]
        : [];
    const interpreted = interpretConfigurationContent(path, exists ? text.content : file.defaultContent, file, schema);
    const problems = [...(exists ? text.duplicateKeys : []), ...interpreted.problems];
    return { path, exists, value: interpreted.valid && problems.length === 0 ? interpreted.value : undefined, problems, warnings };
}
