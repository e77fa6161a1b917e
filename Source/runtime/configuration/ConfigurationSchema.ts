import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from './JsonSchema.js';

/** The JSON Schema of one configuration file, compiled for validation. */
export type ConfigurationSchema = {
    /** The schema file (absolute path). */
    readonly file: string;
    readonly schema: JsonSchema;
    readonly validate: ValidateFunction;
};
