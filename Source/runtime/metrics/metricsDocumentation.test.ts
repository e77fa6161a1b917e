import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateSchemasFolder } from '../configuration/locateSchemasFolder.js';
import { RuntimeMetrics } from './RuntimeMetrics.js';

const documentation = readFileSync(join(dirname(locateSchemasFolder()), 'Documentation', 'operations.md'), 'utf8');

describe('when checking Documentation/operations.md against the metrics', () => {
    const names = new RuntimeMetrics().registry.getMetricsAsArray().map((metric) => metric.name).filter((name) => name.startsWith('dolittle_'));
    it('finds the Runtime\'s own metrics', () => expect(names.length).toBeGreaterThan(20));
    it('documents every dolittle_ metric', () => {
        for (const name of names) {
            expect(documentation, name).toContain(`\`${name}\``);
        }
    });
});
