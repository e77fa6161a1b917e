import { readFile } from 'node:fs/promises';
import type { ConfigurationProblem } from './ConfigurationProblem.js';
import { findJsonSyntaxError } from './findJsonSyntaxError.js';

/** What reading a configuration file gave: nothing, its JSON content, or a problem. */
export type ConfigurationText =
    | { readonly kind: 'missing' }
    | { readonly kind: 'content'; readonly content: unknown }
    | { readonly kind: 'invalid'; readonly problem: ConfigurationProblem };

/** Reads and parses one configuration file, reporting invalid JSON with its line and column. */
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
    try {
        return { kind: 'content', content: JSON.parse(json) as unknown };
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
