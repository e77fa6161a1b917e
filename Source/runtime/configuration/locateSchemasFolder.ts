import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SchemasFolderIsMissing } from './SchemasFolderIsMissing.js';

/**
 * Finds the repository's Schemas/ folder by walking up from this module, so the same schemas are used whether the
 * code runs from Source (tests) or from the built dist folder.
 */
export function locateSchemasFolder(start: string = import.meta.url): string {
    const startFolder = dirname(fileURLToPath(start));
    let folder = startFolder;
    for (;;) {
        const candidate = join(folder, 'Schemas');
        if (existsSync(join(candidate, 'tenants.schema.json'))) {
            return candidate;
        }
        const parent = dirname(folder);
        if (parent === folder) {
            throw new SchemasFolderIsMissing(startFolder);
        }
        folder = parent;
    }
}
