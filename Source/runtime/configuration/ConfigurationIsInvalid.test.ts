import { describe, expect, it } from 'vitest';
import { ConfigurationIsInvalid } from './ConfigurationIsInvalid.js';

describe('when the configuration is invalid', () => {
    const error = new ConfigurationIsInvalid('/app/.dolittle', [
        { file: '/app/.dolittle/endpoints.json', pointer: '/public/port', found: '"x"', expected: 'a TCP port' },
        { file: '/app/.dolittle/tenants.json', pointer: '', found: "'}'", expected: 'a property name', position: { line: 3, column: 1 } },
    ]);
    it('keeps the problems', () => expect(error.problems).toHaveLength(2));
    it('lists every problem on its own line with file, place, value found and expectation', () => {
        expect(error.message).toBe([
            'The configuration in /app/.dolittle is invalid (2 problems):',
            '  - /app/.dolittle/endpoints.json at /public/port: found "x"; expected a TCP port',
            "  - /app/.dolittle/tenants.json line 3, column 1: found '}'; expected a property name",
        ].join('\n'));
    });
    it('is named after the situation', () => expect(error.name).toBe('ConfigurationIsInvalid'));
});
