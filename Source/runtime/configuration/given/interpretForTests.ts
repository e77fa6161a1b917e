import type { ConfigurationFile } from '../ConfigurationFile.js';
import type { ConfigurationProblem } from '../ConfigurationProblem.js';
import { configurationFiles } from '../configurationFiles.js';
import { interpretConfigurationContent } from '../interpretConfigurationContent.js';
import { loadConfigurationSchemas } from '../loadConfigurationSchemas.js';
import { locateSchemasFolder } from '../locateSchemasFolder.js';

/** The repository's configuration schemas, compiled once per test file. */
export const schemasForTests = loadConfigurationSchemas(locateSchemasFolder(), configurationFiles.map((file) => file.schemaName));

/** Interprets in-memory content as the given file, as if it were read from /config/<name>. */
export function interpretForTests<T>(file: ConfigurationFile<T>, content: unknown): { value: T | undefined; problems: ReadonlyArray<ConfigurationProblem> } {
    const schema = schemasForTests.get(file.schemaName);
    if (schema === undefined) {
        throw new Error(`No schema ${file.schemaName}`);
    }
    const interpreted = interpretConfigurationContent(`/config/${file.name}`, content, file, schema);
    return { value: interpreted.valid ? interpreted.value : undefined, problems: interpreted.problems };
}
