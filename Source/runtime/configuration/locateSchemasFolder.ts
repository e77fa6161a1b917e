import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SchemasFolderIsMissing } from './SchemasFolderIsMissing.js';

/**
 * Finds the Schemas/ folder by walking up from this module: the installed package's own copy (`npm pack` copies the
 * repository's Schemas/ into it), else the repository's, whether the code runs from Source (tests) or from dist.
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
