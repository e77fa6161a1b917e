import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of an installed package, from the package.json in the nearest node_modules above `from` (this file's
 * folder by default) that holds it; 'not installed' when none does. (Some packages' exports hide their package.json.)
 */
export function installedVersion(name: string, from: string = dirname(fileURLToPath(import.meta.url))): string {
    for (let folder = from; ; folder = dirname(folder)) {
        const file = join(folder, 'node_modules', name, 'package.json');
        if (existsSync(file)) {
            return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
        }
        if (dirname(folder) === folder) {
            return 'not installed';
        }
    }
}
