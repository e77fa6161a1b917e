/** A JSON Schema (or one of its sub-schemas) as read from a Schemas/ file. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Reads the parts of JSON Schemas the configuration needs: referenced, conditional and child schemas. */
export const JsonSchema = {
    /** The schemas that apply to one value: the schema itself, what it references and its conditional branches. */
    expand(schema: unknown, root: JsonSchema, seen: Set<unknown> = new Set()): ReadonlyArray<JsonSchema> {
        if (!isSchema(schema) || seen.has(schema)) {
            return [];
        }
        seen.add(schema);
        const expanded: JsonSchema[] = [schema];
        const reference = schema['$ref'];
        if (typeof reference === 'string' && reference.startsWith('#/')) {
            expanded.push(...JsonSchema.expand(resolve(root, reference), root, seen));
        }
        for (const keyword of ['then', 'else']) {
            expanded.push(...JsonSchema.expand(schema[keyword], root, seen));
        }
        for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
            const branches = schema[keyword];
            for (const branch of Array.isArray(branches) ? branches : []) {
                expanded.push(...JsonSchema.expand(branch, root, seen));
            }
        }
        return expanded;
    },
    /** The property names the schemas declare, in their spelling. */
    propertyNames(schemas: ReadonlyArray<JsonSchema>): ReadonlyArray<string> {
        return schemas.flatMap((schema) => (isSchema(schema['properties']) ? Object.keys(schema['properties']) : []));
    },
    /** The schemas of the value of a property (named in the schemas' spelling). */
    propertySchemas(schemas: ReadonlyArray<JsonSchema>, name: string, root: JsonSchema): ReadonlyArray<JsonSchema> {
        return schemas.flatMap((schema) => {
            const properties = schema['properties'];
            if (isSchema(properties) && Object.hasOwn(properties, name)) {
                return JsonSchema.expand(properties[name], root);
            }
            const patterns = schema['patternProperties'];
            const matching = isSchema(patterns) ? Object.keys(patterns).filter((pattern) => new RegExp(pattern, 'u').test(name)) : [];
            if (isSchema(patterns) && matching.length > 0) {
                return matching.flatMap((pattern) => JsonSchema.expand(patterns[pattern], root));
            }
            return JsonSchema.expand(schema['additionalProperties'], root);
        });
    },
    /** The schemas of the items of an array. */
    itemSchemas(schemas: ReadonlyArray<JsonSchema>, root: JsonSchema): ReadonlyArray<JsonSchema> {
        return schemas.flatMap((schema) => JsonSchema.expand(schema['items'], root));
    },
};

function isSchema(value: unknown): value is JsonSchema {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(root: JsonSchema, reference: string): unknown {
    let current: unknown = root;
    for (const segment of reference.slice(2).split('/')) {
        current = isSchema(current) ? current[segment.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
    }
    return current;
}
