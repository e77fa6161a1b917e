import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLineSyntax } from './commandLineSyntax.js';
import { configurationFiles } from './configurationFiles.js';
import { schemasForTests } from './given/interpretForTests.js';
import { locateSchemasFolder } from './locateSchemasFolder.js';

const documentation = readFileSync(join(dirname(locateSchemasFolder()), 'Documentation', 'configuration.md'), 'utf8');

function propertyNames(schema: unknown): ReadonlyArray<string> {
    if (schema === null || typeof schema !== 'object') {
        return [];
    }
    const own = 'properties' in schema && typeof schema.properties === 'object' && schema.properties !== null ? Object.keys(schema.properties) : [];
    return [...own, ...Object.values(schema).flatMap(propertyNames)];
}

describe('when checking Documentation/configuration.md against the code', () => {
    it('documents every command-line option', () => {
        for (const option of commandLineSyntax) {
            expect(documentation, option.name).toContain(`\`${option.name}`);
        }
    });
    it('documents every configuration file and links its schema', () => {
        for (const file of configurationFiles) {
            expect(documentation, file.name).toContain(`## ${file.name}`);
            expect(documentation, file.schemaName).toContain(`(../Schemas/${file.schemaName})`);
        }
    });
    it('documents every property of every schema', () => {
        for (const [name, schema] of schemasForTests) {
            for (const property of new Set(propertyNames(schema.schema))) {
                expect(documentation, `${name}: ${property}`).toMatch(new RegExp(`\`([a-zA-Z]+\\.)*${property}(\\.[a-zA-Z]+)*\``));
            }
        }
    });
});
