import type { ErrorObject } from 'ajv';
import type { ConfigurationProblem } from './ConfigurationProblem.js';
import { describeFoundValue } from './describeFoundValue.js';
import { JsonPointer } from './JsonPointer.js';
import type { NormalisedContent } from './normalisePropertyNames.js';

/** Turns a schema validator's errors into problems that name the file, the user's pointer, the value and the expectation. */
export function problemsFromSchemaErrors(
    file: string,
    errors: ReadonlyArray<ErrorObject>,
    content: NormalisedContent,
): ReadonlyArray<ConfigurationProblem> {
    const problems = new Map<string, ConfigurationProblem>();
    for (const error of errors) {
        // `if` and `propertyNames` only summarise the errors of their sub-schemas, which are reported themselves.
        if (error.keyword === 'if' || error.keyword === 'propertyNames') {
            continue;
        }
        const pointer = pointerOf(error);
        const userPointer = content.userPointer(pointer);
        const problem: ConfigurationProblem = {
            file,
            pointer: userPointer,
            found: foundOf(error, content.value, pointer, userPointer),
            expected: expectationOf(error),
        };
        problems.set(`${problem.pointer} ${problem.expected}`, problem);
    }
    return [...problems.values()];
}

function pointerOf(error: ErrorObject): string {
    const params = error.params as Record<string, unknown>;
    if (typeof error.propertyName === 'string') {
        return JsonPointer.child(error.instancePath, error.propertyName);
    }
    if (error.keyword === 'required' && typeof params['missingProperty'] === 'string') {
        return JsonPointer.child(error.instancePath, params['missingProperty']);
    }
    if (error.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
        return JsonPointer.child(error.instancePath, params['additionalProperty']);
    }
    return error.instancePath;
}

function foundOf(error: ErrorObject, content: unknown, pointer: string, userPointer: string): string {
    if (typeof error.propertyName === 'string') {
        return `the property name ${JSON.stringify(error.propertyName)}`;
    }
    return describeFoundValue(JsonPointer.valueAt(content, pointer), userPointer);
}

function expectationOf(error: ErrorObject): string {
    const params = error.params as Record<string, unknown>;
    const parentSchema = (error.parentSchema ?? {}) as Record<string, unknown>;
    const description = parentSchema['description'];
    const describesValue = typeof description === 'string' && /^[a-z]/.test(description);
    switch (error.keyword) {
        case 'required':
            return `the property ${JSON.stringify(params['missingProperty'])}, which is required here`;
        case 'additionalProperties': {
            const properties = parentSchema['properties'];
            const known = typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
            return known.length === 0 ? 'no property here' : `only the properties ${known.map((name) => JSON.stringify(name)).join(', ')}`;
        }
        case 'minProperties':
            return `an object with at least ${String(params['limit'])} ${params['limit'] === 1 ? 'property' : 'properties'}`;
        case 'minItems':
            return `at least ${String(params['limit'])} items`;
        default:
            return describesValue ? description : genericExpectation(error);
    }
}

function genericExpectation(error: ErrorObject): string {
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
        case 'type': {
            const type = String(params['type']);
            return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
        }
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
            return `a number ${String(params['comparison'])} ${String(params['limit'])}`;
        case 'minLength':
            return `a text of at least ${String(params['limit'])} characters`;
        case 'maxLength':
            return `a text of at most ${String(params['limit'])} characters`;
        case 'pattern':
            return `a text matching ${String(params['pattern'])}`;
        case 'enum':
            return `one of ${((params['allowedValues'] ?? []) as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
        default:
            return error.message ?? `a value valid for the schema keyword ${error.keyword}`;
    }
}
