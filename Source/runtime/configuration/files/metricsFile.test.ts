import { describe, expect, it } from 'vitest';
import { interpretForTests } from '../given/interpretForTests.js';
import { metricsFile } from './metricsFile.js';

describe('when reading metrics.json', () => {
    it('reads the documented "Port"', () => expect(interpretForTests(metricsFile, { Port: 9800 }).value).toEqual({ port: 9800 }));
    it('reads "port"', () => expect(interpretForTests(metricsFile, { port: 9800 }).value).toEqual({ port: 9800 }));
    it('uses 9700 when it gives no port', () => expect(interpretForTests(metricsFile, {}).value).toEqual({ port: 9700 }));
    it('reports a port that is not a whole number', () => {
        expect(interpretForTests(metricsFile, { Port: 97.5 }).problems).toMatchObject([{ pointer: '/Port', found: '97.5' }]);
    });
    it('reports "Port" and "port" together', () => {
        expect(interpretForTests(metricsFile, { Port: 1, port: 2 }).problems)
            .toMatchObject([{ pointer: '/port', found: 'a second property named like "Port"', expected: 'each property once (names match ignoring letter case)' }]);
    });
});
