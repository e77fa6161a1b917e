import type { ConfigurationFile } from './ConfigurationFile.js';
import type { ConfigurationProblem } from './ConfigurationProblem.js';
import type { ConfigurationSchema } from './ConfigurationSchema.js';
import { normalisePropertyNames } from './normalisePropertyNames.js';
import { problemsFromSchemaErrors } from './problemsFromSchemaErrors.js';

/** The typed value of a configuration file, or the problems that kept it from being read. */
export type InterpretedContent<T> =
    | { readonly valid: true; readonly value: T; readonly problems: ReadonlyArray<never> }
    | { readonly valid: false; readonly problems: ReadonlyArray<ConfigurationProblem> };

/**
 * Interprets the JSON content of one configuration file: property names matched case-insensitively, validated
 * against the file's schema, then read into its typed value. Every problem is collected.
 */
export function interpretConfigurationContent<T>(
    path: string,
    content: unknown,
    file: ConfigurationFile<T>,
    schema: ConfigurationSchema,
): InterpretedContent<T> {
    const normalised = normalisePropertyNames(content, schema.schema);
    const problems: ConfigurationProblem[] = normalised.duplicates.map((duplicate) => ({
        file: path,
        pointer: duplicate.pointer,
        found: `a second property named like ${JSON.stringify(duplicate.firstSpelling)}`,
        expected: 'each property once (names match ignoring letter case)',
    }));
    if (!schema.validate(normalised.value)) {
        problems.push(...problemsFromSchemaErrors(path, schema.validate.errors ?? [], normalised));
    }
    if (problems.length > 0) {
        return { valid: false, problems };
    }
    const report = (pointer: string, found: string, expected: string): void => {
        problems.push({ file: path, pointer: normalised.userPointer(pointer), found, expected });
    };
    const value = file.read(normalised.value, report, (pointer) => normalised.userPointer(pointer));
    return problems.length > 0 ? { valid: false, problems } : { valid: true, value, problems: [] };
}
