import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ConfigurationSchema } from './ConfigurationSchema.js';
import type { JsonSchema } from './JsonSchema.js';

/** Reads and compiles the named schema files of a Schemas/ folder, keyed by schema file name. */
export function loadConfigurationSchemas(folder: string, names: ReadonlyArray<string>): ReadonlyMap<string, ConfigurationSchema> {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    return new Map(names.map((name) => {
        const file = join(folder, name);
        const schema = JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;
        return [name, { file, schema, validate: ajv.compile(schema) }];
    }));
}
