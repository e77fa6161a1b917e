import { JsonPointer } from './JsonPointer.js';
import { JsonSchema } from './JsonSchema.js';

/** A configuration file's content with property names in the schema's spelling, and the way back to the user's. */
export type NormalisedContent = {
    /** The content, with every property the schema knows spelled as the schema spells it. */
    readonly value: unknown;
    /** The pointer in the user's spelling for a pointer into the normalised content. */
    userPointer(pointer: string): string;
    /** Properties written twice in different letter case (user pointers), with the spelling seen first. */
    readonly duplicates: ReadonlyArray<{ readonly pointer: string; readonly firstSpelling: string }>;
};

/**
 * Renames properties to the spelling of the schema when they match it ignoring case (`Port` becomes `port`), as the
 * original Runtime's reader does. Names the schema does not know, such as tenant ids, are kept as written.
 */
export function normalisePropertyNames(content: unknown, schema: JsonSchema): NormalisedContent {
    const userPointers = new Map<string, string>();
    const duplicates: Array<{ pointer: string; firstSpelling: string }> = [];

    const visit = (value: unknown, schemas: ReadonlyArray<JsonSchema>, normalised: string, user: string): unknown => {
        userPointers.set(normalised, user);
        if (Array.isArray(value)) {
            const items = JsonSchema.itemSchemas(schemas, schema);
            return value.map((item, index) => visit(item, items, JsonPointer.child(normalised, index), JsonPointer.child(user, index)));
        }
        if (value === null || typeof value !== 'object') {
            return value;
        }
        const known = new Map(JsonSchema.propertyNames(schemas).map((name) => [name.toLowerCase(), name]));
        const spellings = new Map<string, string>();
        const entries: Array<[string, unknown]> = [];
        for (const [name, child] of Object.entries(value)) {
            const spelling = known.get(name.toLowerCase()) ?? name;
            const firstSpelling = spellings.get(spelling);
            if (firstSpelling !== undefined) {
                duplicates.push({ pointer: JsonPointer.child(user, name), firstSpelling });
                continue;
            }
            spellings.set(spelling, name);
            const childSchemas = JsonSchema.propertySchemas(schemas, spelling, schema);
            entries.push([spelling, visit(child, childSchemas, JsonPointer.child(normalised, spelling), JsonPointer.child(user, name))]);
        }
        return Object.fromEntries(entries);
    };

    const value = visit(content, JsonSchema.expand(schema, schema), '', '');
    return {
        value,
        duplicates,
        userPointer(pointer) {
            let prefix = pointer;
            while (!userPointers.has(prefix) && prefix !== '') {
                prefix = prefix.slice(0, prefix.lastIndexOf('/'));
            }
            return `${userPointers.get(prefix) ?? ''}${pointer.slice(prefix.length)}`;
        },
    };
}
