import { readFile } from 'node:fs/promises';
import type { ConfigurationProblem } from './ConfigurationProblem.js';
import { findJsonSyntaxError } from './findJsonSyntaxError.js';
import { inspectJsonStructure, maximumConfigurationNesting } from './inspectJsonStructure.js';

/** What reading a configuration file gave: nothing, its JSON content, or a problem. */
export type ConfigurationText =
    | { readonly kind: 'missing' }
    | {
          readonly kind: 'content';
          readonly content: unknown;
          /** Properties written twice in one object, which JSON.parse silently drops all but the last of. */
          readonly duplicateKeys: ReadonlyArray<ConfigurationProblem>;
      }
    | { readonly kind: 'invalid'; readonly problem: ConfigurationProblem };

/**
 * Reads and parses one configuration file, reporting invalid JSON with its line and column, nesting deeper than
 * `maximumConfigurationNesting` (before anything walks the content recursively), and properties written twice.
 */
export async function readConfigurationText(file: string): Promise<ConfigurationText> {
    let text: string;
    try {
        text = await readFile(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
            return { kind: 'missing' };
        }
        const found = code === 'EISDIR' ? 'a folder' : `a file that cannot be read (${code ?? String(error)})`;
        return { kind: 'invalid', problem: { file, pointer: '', found, expected: 'a readable JSON file' } };
    }
    // Editors on Windows may start the file with a byte order mark, which JSON.parse refuses.
    const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const structure = inspectJsonStructure(json);
    if (structure.tooDeep !== undefined) {
        const { pointer, line, column } = structure.tooDeep;
        const problem: ConfigurationProblem = {
            file,
            pointer,
            found: `arrays and objects nested deeper than ${maximumConfigurationNesting} levels`,
            expected: `at most ${maximumConfigurationNesting} levels of nested arrays and objects`,
            position: { line, column },
        };
        return { kind: 'invalid', problem };
    }
    try {
        const content = JSON.parse(json) as unknown;
        const duplicateKeys = structure.duplicateKeys.map(({ key, pointer, line, column }): ConfigurationProblem => ({
            file,
            pointer,
            found: `the property ${JSON.stringify(key)} a second time in the same object`,
            expected: 'each property once (a JSON reader would silently keep only the last one)',
            position: { line, column },
        }));
        return { kind: 'content', content, duplicateKeys };
    } catch {
        const syntaxError = findJsonSyntaxError(json);
        const position = syntaxError === undefined ? undefined : { line: syntaxError.line, column: syntaxError.column };
        const problem: ConfigurationProblem = {
            file,
            pointer: '',
            found: syntaxError?.found ?? 'text that is not JSON',
            expected: syntaxError === undefined ? 'valid JSON' : `${syntaxError.expected} (the file is not valid JSON)`,
            ...(position === undefined ? {} : { position }),
        };
        return { kind: 'invalid', problem };
    }
}
