import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ConfigurationFile } from './ConfigurationFile.js';
import { configurationFiles } from './configurationFiles.js';
import { interpretForTests, schemasForTests } from './given/interpretForTests.js';
import { locateSchemasFolder } from './locateSchemasFolder.js';

const folder = locateSchemasFolder();
const files: ReadonlyArray<ConfigurationFile<unknown>> = configurationFiles;

describe('when checking the published schemas against the code', () => {
    it('has one schema for every configuration file, named after it', () => {
        for (const file of configurationFiles) {
            expect(file.schemaName).toBe(file.name.replace(/\.json$/, '.schema.json'));
            expect(readdirSync(folder)).toContain(file.schemaName);
        }
    });
    it('has no schema that the code does not use', () => {
        const used = configurationFiles.map((file) => file.schemaName).sort();
        expect(readdirSync(folder).filter((name) => name.endsWith('.schema.json')).sort()).toEqual(used);
    });
    it('compiles every schema in strict mode', () => {
        for (const name of readdirSync(folder)) {
            const ajv = new Ajv2020({ strict: true, strictRequired: false });
            expect(() => ajv.compile(JSON.parse(readFileSync(join(folder, name), 'utf8')) as object)).not.toThrow();
        }
    });
    it('titles and describes every schema, as published artefacts', () => {
        for (const [name, schema] of schemasForTests) {
            expect(schema.schema['title'], name).toBe(name.replace('.schema.json', '.json'));
            expect(typeof schema.schema['description'], name).toBe('string');
            expect(schema.schema['$schema'], name).toBe('https://json-schema.org/draft/2020-12/schema');
        }
    });
    it('accepts the development defaults of every file', () => {
        for (const file of files) {
            expect(interpretForTests(file, file.defaultContent).problems, file.name).toEqual([]);
        }
    });
    it('accepts the examples every schema gives', () => {
        for (const file of files) {
            const examples = schemasForTests.get(file.schemaName)?.schema['examples'];
            expect(Array.isArray(examples), file.name).toBe(true);
            for (const example of examples as unknown[]) {
                expect(interpretForTests(file, example).problems, file.name).toEqual([]);
            }
        }
    });
});
