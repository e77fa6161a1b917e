import { describe, expect, it } from 'vitest';
import { interpretForTests } from '../given/interpretForTests.js';
import { boundedContextFile } from './boundedContextFile.js';

describe('when reading bounded-context.json', () => {
    describe('and it is the tooling file', () => {
        it('reads the microservice id from boundedContext, lowercased, and ignores the rest', () => {
            const content = { application: 'x', BoundedContext: 'F39B1F61-D360-4675-B859-53C05C87C0E6', resources: {}, core: { language: 'csharp' }, interaction: [], other: 1 };
            expect(interpretForTests(boundedContextFile, content).value).toBe('f39b1f61-d360-4675-b859-53c05c87c0e6');
        });
    });

    describe('and boundedContext is missing', () => {
        it('reports it', () => {
            expect(interpretForTests(boundedContextFile, { application: 'x' }).problems)
                .toMatchObject([{ pointer: '/boundedContext', found: 'nothing', expected: 'the property "boundedContext", which is required here' }]);
        });
    });

    describe('and boundedContext is not a GUID', () => {
        it('reports it', () => expect(interpretForTests(boundedContextFile, { boundedContext: 'kitchen' }).problems).toMatchObject([{ found: '"kitchen"' }]));
    });
});
